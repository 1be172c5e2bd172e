package io.smbench.lab;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The logic of {@code smbench lab start|stop|status}: a detached Samba that outlives the JVM, kept in one folder
 * (default {@value #DEFAULT_DIR}) with the instance's config, state, shares and logs, plus
 * <ul>
 *   <li>{@value #STATE_FILE}: properties {@code host}, {@code port}, {@code pid}, {@code dcerpcdPidFile},
 *       {@code dir}, {@code config}, {@code user}, {@code domain};</li>
 *   <li>{@value #PASSWORD_FILE}: the password (UTF-8, no trailing newline), mode 0600;</li>
 *   <li>{@code credentials}: an smbclient {@code -A} file, mode 0600.</li>
 * </ul>
 * The CLI wraps it: {@code new LabStateStore(dir).start(port).describe()}.
 */
public final class LabStateStore {
    /** Default TCP port of {@code smbench lab start}. */
    public static final int DEFAULT_PORT = 4455;
    /** Default lab folder, relative to the working directory. */
    public static final String DEFAULT_DIR = "lab-run";
    /** State file name inside the lab folder. */
    public static final String STATE_FILE = "lab.properties";
    /** Password file name inside the lab folder. */
    public static final String PASSWORD_FILE = "password";

    private final LabLayout layout;

    /** @param dir the lab folder (created on start) */
    public LabStateStore(Path dir) {
        this.layout = new LabLayout(dir);
    }

    /** @return a store for {@value #DEFAULT_DIR} in the working directory */
    public static LabStateStore inDefaultDir() {
        return new LabStateStore(Path.of(DEFAULT_DIR));
    }

    /** @return the lab folder (absolute) */
    public Path dir() {
        return layout.base();
    }

    /** @return the password file ({@code <dir>/password}) */
    public Path passwordFile() {
        return layout.base().resolve(PASSWORD_FILE);
    }

    /**
     * Starts a detached lab on 127.0.0.1, or reports the one already running in this folder.
     *
     * @param port fixed TCP port ({@link #DEFAULT_PORT} for the CLI default), or 0 for a free one
     * @return directions; {@link LabInfo#alreadyRunning()} tells whether it was started now
     * @throws IllegalStateException when smbd cannot start (message holds its log tail)
     */
    public LabInfo start(int port) {
        return start(LabConfig.builder().port(port).name("lab").build());
    }

    /**
     * Starts a detached lab with the given options (base folder and detached mode are set by this store).
     *
     * @param options signing, extra options, bind addresses, port
     * @return directions
     */
    public synchronized LabInfo start(LabConfig options) {
        LabStatus current = status();
        if (current.running()) {
            LabInfo i = current.info().orElseThrow();
            return new LabInfo(i.dir(), i.host(), i.port(), i.pid(), i.user(), i.domain(), i.shares(),
                    i.passwordFile(), i.credentialsFile(), true);
        }
        SambaProcess.stop(readState().map(s -> number(s, "pid")).orElse(-1L), layout);
        LabConfig.Builder b = LabConfig.builder().baseDir(layout.base()).detached(true).name(options.name())
                .port(options.port()).signingMandatory(options.signingMandatory());
        options.bindAddresses().forEach(b::bindAddress);
        options.extraGlobalOptions().forEach(b::globalOption);
        SambaLab lab = SambaLab.start(b.build());
        char[] pw = lab.password();
        try {
            writeSecret(passwordFile(), pw);
            writeState(lab);
        } catch (IOException e) {
            lab.stop();
            throw new UncheckedIOException("cannot write the lab state in " + layout.base(), e);
        } finally {
            Arrays.fill(pw, '\0');
        }
        return info(lab.host(), lab.port(), lab.pid(), lab.user(), false);
    }

    /**
     * Stops the lab of this folder (smbd, samba-dcerpcd and any leftover process of its config) and removes
     * the state and password files. Shares and logs stay.
     *
     * @return true when a running smbd was stopped
     */
    public synchronized boolean stop() {
        Optional<Properties> state = readState();
        long pid = state.map(s -> number(s, "pid")).orElse(-1L);
        boolean wasRunning = pid > 0 && SambaProcess.isAlive(pid) && SambaProcess.processesOf(layout).contains(pid);
        if (state.isPresent() || Files.exists(layout.configFile())) {
            SambaProcess.stop(wasRunning ? pid : -1, layout);
        }
        try {
            Files.deleteIfExists(layout.base().resolve(STATE_FILE));
            Files.deleteIfExists(passwordFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the lab state in " + layout.base(), e);
        }
        return wasRunning;
    }

    /** @return whether the lab of this folder runs, with directions if so */
    public LabStatus status() {
        Optional<Properties> state = readState();
        if (state.isEmpty()) {
            return new LabStatus(false, Optional.empty(), "no " + STATE_FILE + " in " + layout.base());
        }
        Properties s = state.get();
        long pid = number(s, "pid");
        int port = (int) number(s, "port");
        String host = s.getProperty("host", LabConfig.LOOPBACK);
        if (!SambaProcess.isAlive(pid) || !SambaProcess.processesOf(layout).contains(pid)) {
            return new LabStatus(false, Optional.empty(), "stale state: smbd pid " + pid + " is not running");
        }
        if (!FreePort.accepts(host, port, 1000)) {
            return new LabStatus(false, Optional.empty(), "smbd pid " + pid + " runs but " + host + ":" + port
                    + " does not accept connections");
        }
        return new LabStatus(true, Optional.of(info(host, port, pid, s.getProperty("user"), false)), "running");
    }

    private LabInfo info(String host, int port, long pid, String user, boolean alreadyRunning) {
        return new LabInfo(layout.base(), host, port, pid, user, SambaLab.DOMAIN, List.of("open", "signed",
                "encrypted"), passwordFile(), layout.credentialsFile(), alreadyRunning);
    }

    private void writeState(SambaLab lab) throws IOException {
        Properties p = new Properties();
        p.setProperty("host", lab.host());
        p.setProperty("port", Integer.toString(lab.port()));
        p.setProperty("pid", Long.toString(lab.pid()));
        p.setProperty("dcerpcdPidFile", layout.pidDir().resolve("samba-dcerpcd.pid").toString());
        p.setProperty("dir", layout.base().toString());
        p.setProperty("config", layout.configFile().toString());
        p.setProperty("user", lab.user());
        p.setProperty("domain", SambaLab.DOMAIN);
        Path tmp = layout.base().resolve(STATE_FILE + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "smbench lab state");
        }
        Files.move(tmp, layout.base().resolve(STATE_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private Optional<Properties> readState() {
        Path f = layout.base().resolve(STATE_FILE);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(r);
            return Optional.of(p);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static long number(Properties p, String key) {
        try {
            return Long.parseLong(p.getProperty(key, "-1").strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void writeSecret(Path file, char[] secret) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        byte[] bytes = new String(secret).getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(file, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
