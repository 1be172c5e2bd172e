package io.smbench.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Starts, watches and stops one {@code smbd} (and the {@code samba-dcerpcd} it spawns on demand).
 *
 * <p>Attached mode runs {@code smbd --foreground -s CONF}, a child of this JVM in its own process group: with
 * {@code --no-process-group}, smbd's SIGTERM handling signals the whole group, which killed the build running
 * the tests. Detached mode
 * runs {@code smbd -D -s CONF}: smbd daemonizes in its own session and outlives the JVM; its PID comes from
 * {@code pid/smbd.pid}. Both log to {@code log/smbd.log}; early errors go to {@code log/smbd-stdout.log}.
 * Readiness means the smbd master holds a listening socket on the port (read from {@code /proc}) and the port
 * accepts a TCP connection.
 */
final class SambaProcess {
    /** How long smbd may take to accept connections (measured: about 0.1 to 2 s). */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(15);

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int LOG_TAIL_LINES = 40;

    private final long pid;
    private final LabLayout layout;

    private SambaProcess(long pid, LabLayout layout) {
        this.pid = pid;
        this.layout = layout;
    }

    /** Thrown when smbd exits during start because the port was taken; a free-port start retries. */
    static final class PortTakenException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }

    /** @return the smbd master PID */
    long pid() {
        return pid;
    }

    /**
     * Starts smbd and waits until it accepts connections on {@code host:port}.
     *
     * @param layout the instance's folders (config already written)
     * @param detached true to daemonize
     * @param host address to probe
     * @param port port to probe
     * @return the running process
     */
    static SambaProcess start(LabLayout layout, boolean detached, String host, int port) {
        String smbd = Commands.require("smbd");
        Path conf = layout.configFile();
        Path stdoutLog = layout.logDir().resolve("smbd-stdout.log");
        List<String> cmd = detached
                ? List.of(smbd, "-D", "-s", conf.toString())
                : List.of(smbd, "--foreground", "-s", conf.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(layout.base().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(stdoutLog.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + smbd, e);
        }
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        long pid;
        if (detached) {
            pid = waitForDaemonPid(process, layout, deadline);
        } else {
            pid = process.pid();
        }
        SambaProcess sp = new SambaProcess(pid, layout);
        sp.awaitReady(host, port, deadline);
        return sp;
    }

    private static long waitForDaemonPid(Process launcher, LabLayout layout, long deadline) {
        Path pidFile = layout.pidDir().resolve("smbd.pid");
        while (System.nanoTime() < deadline) {
            Optional<Long> pid = readPid(pidFile);
            if (pid.isPresent() && isAlive(pid.get())) {
                return pid.get();
            }
            if (!launcher.isAlive() && launcher.exitValue() != 0) {
                throw failure(layout, "smbd -D exited with " + launcher.exitValue() + " during start", false);
            }
            sleep(20);
        }
        throw failure(layout, "smbd wrote no live PID to " + pidFile + " within " + READY_TIMEOUT.toSeconds() + " s",
                false);
    }

    private void awaitReady(String host, int port, long deadline) {
        while (System.nanoTime() < deadline) {
            if (!isAlive(pid)) {
                sleep(100); // let smbd flush its log
                throw failure(layout, "smbd (pid " + pid + ") exited during start", true);
            }
            if (listeningOn(pid, port) && FreePort.accepts(host, port, 500)) {
                return;
            }
            sleep(20);
        }
        stop();
        throw failure(layout, "smbd (pid " + pid + ") did not accept connections on " + host + ":" + port
                + " within " + READY_TIMEOUT.toSeconds() + " s", false);
    }

    private static IllegalStateException failure(LabLayout layout, String what, boolean mayBePortTaken) {
        String tail = logTail(layout);
        String msg = what + "\n--- tail of " + layout.logDir() + " ---\n" + tail;
        String lower = tail.toLowerCase(Locale.ROOT);
        if (mayBePortTaken && (lower.contains("address already in use") || lower.contains("no sockets available"))) {
            return new PortTakenException(msg);
        }
        return new IllegalStateException(msg);
    }

    /**
     * @param layout an instance's folders
     * @return the last lines of smbd-stdout.log and smbd.log
     */
    static String logTail(LabLayout layout) {
        StringBuilder sb = new StringBuilder();
        for (String name : new String[] {"smbd-stdout.log", "smbd.log"}) {
            Path f = layout.logDir().resolve(name);
            if (!Files.exists(f)) {
                continue;
            }
            try {
                List<String> lines = Files.readAllLines(f, StandardCharsets.ISO_8859_1);
                sb.append("[").append(name).append("]\n");
                for (String l : lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size())) {
                    sb.append(l).append('\n');
                }
            } catch (IOException e) {
                sb.append("(cannot read ").append(f).append(": ").append(e.getMessage()).append(")\n");
            }
        }
        return sb.length() == 0 ? "(no log written)\n" : sb.toString();
    }

    /** Stops this smbd, its samba-dcerpcd and any leftover process of the instance. */
    void stop() {
        stop(pid, layout);
    }

    /**
     * Stops an instance: SIGTERM to the smbd master and to samba-dcerpcd (by its pid file), waits, SIGKILL
     * what is left, then kills any remaining process whose command line names the instance's config.
     *
     * @param smbdPid the smbd master PID, or -1 when unknown
     * @param layout the instance's folders
     */
    static void stop(long smbdPid, LabLayout layout) {
        List<ProcessHandle> targets = new ArrayList<>();
        if (smbdPid > 0) {
            ProcessHandle.of(smbdPid).ifPresent(targets::add);
        }
        for (String name : new String[] {"smbd.pid", "samba-dcerpcd.pid"}) {
            readPid(layout.pidDir().resolve(name))
                    .filter(p -> p != smbdPid && belongsTo(p, layout))
                    .flatMap(ProcessHandle::of)
                    .ifPresent(targets::add);
        }
        terminate(targets);
        terminate(processesOf(layout).stream().flatMap(p -> ProcessHandle.of(p).stream()).toList());
    }

    private static void terminate(List<ProcessHandle> handles) {
        if (handles.isEmpty()) {
            return;
        }
        handles.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (ProcessHandle h : handles) {
            long left = deadline - System.nanoTime();
            try {
                h.onExit().get(Math.max(1, left), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
        for (ProcessHandle h : handles) {
            if (h.isAlive()) {
                h.destroyForcibly();
                try {
                    h.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    System.err.println("[smbench-lab] process " + h.pid() + " survived SIGKILL: " + e);
                }
            }
        }
    }

    /**
     * Every live process whose command line names the instance's config file or base folder (smbd children,
     * samba-dcerpcd, rpcd_* helpers). Linux only; empty elsewhere.
     *
     * @param layout the instance's folders
     * @return PIDs, excluding this JVM
     */
    static Set<Long> processesOf(LabLayout layout) {
        Set<Long> pids = new HashSet<>();
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : proc) {
                long pid = Long.parseLong(p.getFileName().toString());
                if (pid != self && belongsTo(pid, layout)) {
                    pids.add(pid);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return pids;
        }
        return pids;
    }

    private static boolean belongsTo(long pid, LabLayout layout) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            String cmdline = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
            String base = layout.base().toString();
            return cmdline.contains(layout.configFile().toString())
                    || (cmdline.contains("samba") || cmdline.contains("smbd") || cmdline.contains("rpcd"))
                            && cmdline.contains(base + "/");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * @param pid a process id
     * @return true when that process is alive (and not a zombie)
     */
    static boolean isAlive(long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            int close = stat.lastIndexOf(')');
            return close < 0 || close + 2 >= stat.length() || stat.charAt(close + 2) != 'Z';
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * @param file a pid file
     * @return the PID it holds, if any
     */
    static Optional<Long> readPid(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * True when {@code pid} owns a TCP socket listening on {@code port} (from /proc/net/tcp{,6}). When /proc is
     * not readable this returns true and readiness relies on the TCP connect alone.
     */
    static boolean listeningOn(long pid, int port) {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException ignored) {
                    // fd closed meanwhile
                }
            }
        } catch (IOException e) {
            return true;
        }
        String portHex = String.format(Locale.ROOT, ":%04X", port);
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            try {
                for (String line : Files.readAllLines(Path.of(table), StandardCharsets.US_ASCII)) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 9 && f[1].endsWith(portHex) && "0A".equals(f[3]) && inodes.contains(f[9])) {
                        return true;
                    }
                }
            } catch (IOException ignored) {
                // table missing (no IPv6)
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for smbd", e);
        }
    }
}
