package io.smbench.lab;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs short helper commands ({@code useradd}, {@code smbpasswd}, {@code pdbedit}) and locates Samba's
 * binaries. Secrets go to a command's standard input only, never its arguments.
 */
final class Commands {
    private static final List<String> EXTRA_PATH = List.of("/usr/sbin", "/usr/local/sbin", "/sbin");

    private Commands() {}

    /** The result of a finished command: exit code and merged stdout/stderr text. */
    record Result(int exitCode, String output) {}

    /**
     * Finds an executable: system property {@code smbench.lab.<name>} when set (a missing file then counts as
     * not installed), else env {@code SMBENCH_<NAME>}, else PATH, else the sbin folders (a non-root PATH on
     * Debian lacks /usr/sbin).
     *
     * @param name e.g. "smbd"
     * @return the executable, or null when missing
     */
    static Path locate(String name) {
        String property = System.getProperty("smbench.lab." + name);
        if (property != null) {
            return Files.isExecutable(Path.of(property)) ? Path.of(property) : null;
        }
        String override = System.getenv("SMBENCH_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
        if (override != null && !override.isBlank() && Files.isExecutable(Path.of(override))) {
            return Path.of(override);
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name);
                }
            }
        }
        for (String dir : EXTRA_PATH) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name);
            }
        }
        return null;
    }

    /**
     * @param name a binary name
     * @return its absolute path as a string
     * @throws IllegalStateException when it is not installed
     */
    static String require(String name) {
        Path p = locate(name);
        if (p == null) {
            throw new IllegalStateException(name + " not found: install the Debian packages samba and smbclient");
        }
        return p.toString();
    }

    /**
     * Runs a command to completion.
     *
     * @param stdin bytes written to its standard input (then zeroed), or null
     * @param timeoutSeconds how long to wait
     * @param command the command; must not contain secrets
     * @return exit code and output
     */
    static Result run(byte[] stdin, long timeoutSeconds, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        try {
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            } finally {
                if (stdin != null) {
                    Arrays.fill(stdin, (byte) 0);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> copy(p.getInputStream(), out), "lab-cmd-output");
            reader.setDaemon(true);
            reader.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + command);
            }
            reader.join(2000);
            synchronized (out) {
                return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (out) {
                    out.write(buf, 0, n);
                }
            }
        } catch (IOException ignored) {
            // process ended
        }
    }
}
