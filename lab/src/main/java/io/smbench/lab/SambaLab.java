package io.smbench.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A running, isolated Samba instance on loopback: its own config, state and share folders, a port, and a user
 * with a random password. Shares: {@code open}, {@code signed} and {@code encrypted} ({@code smb encrypt =
 * required}); leases, durable handles and multichannel on.
 *
 * <pre>{@code
 * try (SambaLab lab = SambaLab.start(LabConfig.defaults())) {
 *     // smbclient //lab.host()/open -p lab.port() -A lab.credentialsFile() -m SMB3_11 -c ls
 * }
 * }</pre>
 *
 * <p>{@link #close()} stops smbd and samba-dcerpcd and deletes a temporary base folder. An attached instance is
 * also stopped by a JVM shutdown hook. The password is never part of {@link #toString()} or any message.
 */
public final class SambaLab implements AutoCloseable {
    /** The workgroup/domain of every instance. */
    public static final String DOMAIN = "WORKGROUP";

    private static final int PORT_ATTEMPTS = 5;
    private static final Set<SambaLab> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SambaLab::stopAllAttached, "smbench-lab-shutdown"));
    }

    private final LabConfig config;
    private final LabLayout layout;
    private final boolean ownsBaseDir;
    private final String user;
    private final char[] password;
    private final int port;
    private final SambaProcess process;
    private final long startMillis;
    private volatile boolean stopped;

    private SambaLab(LabConfig config, LabLayout layout, boolean ownsBaseDir, String user, char[] password,
            int port, SambaProcess process, long startMillis) {
        this.config = config;
        this.layout = layout;
        this.ownsBaseDir = ownsBaseDir;
        this.user = user;
        this.password = password;
        this.port = port;
        this.process = process;
        this.startMillis = startMillis;
    }

    /** @return true when {@code smbd} is installed (on PATH or in /usr/sbin) */
    public static boolean smbdAvailable() {
        return Commands.locate("smbd") != null;
    }

    /**
     * Starts an instance and waits until it accepts connections.
     *
     * @param config what to start
     * @return the running instance
     * @throws IllegalStateException when smbd is missing, exits during start (message holds its log tail) or
     *     is not ready within 15 s
     */
    public static SambaLab start(LabConfig config) {
        return start(config, FreePort::find);
    }

    /**
     * {@link #start(LabConfig)} with a chosen source of free ports (tests simulate a bind race with it).
     *
     * @param config what to start
     * @param freePorts gives a free port for a host; used when the config has no fixed port
     * @return the running instance
     */
    static SambaLab start(LabConfig config, java.util.function.ToIntFunction<String> freePorts) {
        long t0 = System.nanoTime();
        Commands.require("smbd");
        boolean owns = config.baseDir().isEmpty();
        LabLayout layout;
        try {
            layout = new LabLayout(owns ? Files.createTempDirectory("smbench-lab-") : config.baseDir().get());
            layout.create();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the lab folders", e);
        }
        String user = SambaUser.userName();
        char[] password = SambaUser.randomPassword();
        try {
            if (SambaUser.isRoot()) {
                layout.checkTraversable();
            }
            SambaUser.ensureUnixAccount(user);
            for (String share : LabLayout.SHARES.keySet()) {
                SambaUser.chown(layout.shareDir(share), user);
            }
            String host = config.bindAddresses().get(0);
            for (int attempt = 1; ; attempt++) {
                int port = config.port() != 0 ? config.port() : freePorts.applyAsInt(host);
                SmbConfWriter.write(layout, config, port);
                if (attempt == 1) {
                    SambaUser.setPassword(layout.configFile(), user, password);
                    writeCredentials(layout.credentialsFile(), user, password);
                }
                try {
                    SambaProcess process = SambaProcess.start(layout, config.detached(), host, port);
                    long millis = (System.nanoTime() - t0) / 1_000_000;
                    SambaLab lab = new SambaLab(config, layout, owns, user, password, port, process, millis);
                    if (!config.detached()) {
                        LIVE.add(lab);
                    }
                    return lab;
                } catch (SambaProcess.PortTakenException e) {
                    SambaProcess.stop(-1, layout);
                    if (config.port() != 0 || attempt >= PORT_ATTEMPTS) {
                        throw new IllegalStateException("port " + port + " on " + host + " is already in use"
                                + (config.port() != 0 ? " (choose another port)" : " (" + attempt + " attempts)")
                                + ": " + e.getMessage(), e);
                    }
                    System.err.println("[smbench-lab] port " + port + " was taken before smbd bound it; retrying");
                }
            }
        } catch (IOException e) {
            Arrays.fill(password, '\0');
            throw new UncheckedIOException("cannot prepare the lab in " + layout.base(), e);
        } catch (RuntimeException e) {
            Arrays.fill(password, '\0');
            throw e;
        }
    }

    private static void writeCredentials(Path file, String user, char[] password) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        String text = "username = " + user + "\npassword = " + new String(password) + "\ndomain = " + DOMAIN + "\n";
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the address clients connect to ({@code "127.0.0.1"} unless configured otherwise) */
    public String host() {
        return config.bindAddresses().get(0);
    }

    /** @return the TCP port smbd listens on */
    public int port() {
        return port;
    }

    /** @return the SMB user name ({@code smbtest} as root, the current user otherwise) */
    public String user() {
        return user;
    }

    /**
     * The user's password. Never log it; pass it to clients through a 0600 file or standard input
     * ({@link #credentialsFile()} is ready-made for smbclient {@code -A}).
     *
     * @return a copy of the password
     */
    public char[] password() {
        return password.clone();
    }

    /** @return {@value #DOMAIN} */
    public String domain() {
        return DOMAIN;
    }

    /**
     * An smbclient authentication file (mode 0600: {@code username}, {@code password}, {@code domain} lines),
     * for {@code smbclient -A FILE}.
     *
     * @return the file
     */
    public Path credentialsFile() {
        return layout.credentialsFile();
    }

    /**
     * @param share {@code "open"}, {@code "signed"} or {@code "encrypted"}
     * @return the folder the share serves, to check files on disk
     */
    public Path shareDir(String share) {
        return layout.shareDir(share);
    }

    /** @return the instance's smb.conf (for {@code smbstatus -s}, {@code testparm -s}) */
    public Path configFile() {
        return layout.configFile();
    }

    /** @return the folder holding {@code smbd.log} and the logs of samba-dcerpcd */
    public Path logDir() {
        return layout.logDir();
    }

    /** @return the instance's base folder */
    public Path baseDir() {
        return layout.base();
    }

    /** @return the smbd master PID */
    public long pid() {
        return process.pid();
    }

    /** @return the config this instance was started with */
    public LabConfig config() {
        return config;
    }

    /** @return milliseconds from {@link #start(LabConfig)} to the first accepted connection */
    public long startMillis() {
        return startMillis;
    }

    /** Stops smbd and samba-dcerpcd (SIGTERM, wait, SIGKILL fallback) without deleting any file. Idempotent. */
    public void stop() {
        if (!stopped) {
            stopped = true;
            LIVE.remove(this);
            process.stop();
        }
    }

    /**
     * Copies the log folder to {@code dest} (created if needed).
     *
     * @param dest target folder
     * @throws IOException on a copy failure
     */
    public void copyLogsTo(Path dest) throws IOException {
        Files.createDirectories(dest);
        try (var files = Files.list(layout.logDir())) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, dest.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.copy(layout.configFile(), dest.resolve("smb.conf"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Stops the instance and deletes its base folder when it was a temporary one. Idempotent. */
    @Override
    public void close() {
        stop();
        Arrays.fill(password, '\0');
        if (ownsBaseDir) {
            deleteTree(layout.base());
        }
    }

    @Override
    public String toString() {
        return "SambaLab[" + config.name() + " " + host() + ":" + port + ", user=" + user + ", pid=" + process.pid()
                + ", dir=" + layout.base() + (stopped ? ", stopped" : "") + "]";
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("[smbench-lab] could not delete " + root + ": " + e);
        }
    }

    private static void stopAllAttached() {
        for (SambaLab lab : LIVE) {
            lab.stop();
        }
    }
}
