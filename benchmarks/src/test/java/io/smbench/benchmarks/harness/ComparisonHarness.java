package io.smbench.benchmarks.harness;

import io.smbench.lab.LabConfig;
import io.smbench.lab.SambaLab;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * End-to-end comparison against one Samba in one run: smbench's client, smbj and smbclient doing (a) small
 * operations (create+close, stat, listing a 100-file folder) with 1, 16 and 64 concurrent clients, each its own
 * connection and session, on the {@code open} share; (b) a sequential write then read of one file, unsigned,
 * signed and encrypted. Prints ops/s or MB/s, the client CPU time per operation (per MiB for transfers) and the
 * ratios against smbj and smbclient, and can write them into {@code docs/performance.md}.
 *
 * <pre>{@code
 * ./mvnw -B -pl benchmarks -am verify -Dharness.full=true -Dtest=ComparisonHarnessTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * }</pre>
 *
 * <p>Without {@code --server} it starts its own {@link SambaLab}. Every in-process measurement is the wall time
 * from releasing all clients at once to the last one finishing, and the JVM's process CPU time over the same
 * window (connection setup excluded), after an unmeasured warm-up ({@value #WARMUP_OPS} operations per
 * workload on one session; a transfer of up to 64 MiB each way on the same session). smbclient is timed as
 * whole processes with no warm-up, see {@link SmbclientRunner}.
 */
public final class ComparisonHarness {
    static final String DIR = "harness";
    static final String LIST_DIR = DIR + "/list100";
    static final String STAT_FILE = DIR + "/stat.bin";
    static final int LIST_FILES = 100;
    static final int STAT_SIZE = 4096;
    /** Unmeasured operations per workload on one session before each measured small-operation run. */
    static final int WARMUP_OPS = 300;
    /** Unmeasured transfer (each way) before each measured one. */
    static final long WARMUP_BYTES = 64L << 20;
    private static final Pattern LISTED = Pattern.compile("(?m)^\\s+f\\d{3}\\.txt\\s");

    private final HarnessOptions options;
    private final Target target;
    private final PrintStream out;
    private final Path work;
    private final byte[] block;
    private final List<Measurement> results = new ArrayList<>();
    private long waitedNanos;

    ComparisonHarness(HarnessOptions options, Target target, PrintStream out, Path work) {
        this.options = options;
        this.target = target;
        this.out = out;
        this.work = work;
        this.block = new byte[options.ioSize()];
        new Random(42).nextBytes(block);
    }

    /**
     * Runs the comparison: against {@code --server} when given, otherwise against a lab Samba it starts.
     *
     * @param args see {@link HarnessOptions#parse}
     */
    public static void main(String[] args) throws Exception {
        HarnessOptions options = HarnessOptions.parse(HarnessOptions.full(), args);
        if (options.server() == null) {
            try (SambaLab lab = SambaLab.start(LabConfig.defaults())) {
                run(options, target(lab), System.out);
            }
        } else {
            run(options, target(options), System.out);
        }
    }

    /** @return how to reach a lab instance */
    static Target target(SambaLab lab) {
        return new Target(lab.host(), lab.port(), lab.user(), lab.domain(), lab.password(), lab.credentialsFile());
    }

    private static Target target(HarnessOptions o) throws IOException {
        int colon = o.server().lastIndexOf(':');
        String host = colon < 0 ? o.server() : o.server().substring(0, colon);
        int port = colon < 0 ? 445 : Integer.parseInt(o.server().substring(colon + 1));
        List<String> lines = Files.readAllLines(o.passwordFile(), StandardCharsets.UTF_8);
        char[] password = lines.isEmpty() ? new char[0] : lines.get(0).toCharArray();
        Path credentials = o.credentialsFile();
        if (credentials == null) {
            credentials = Files.createTempFile("harness-auth-", "",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            credentials.toFile().deleteOnExit();
            Files.writeString(credentials, "username = " + o.user() + "\npassword = " + new String(password)
                    + "\ndomain = " + SambaLab.DOMAIN + "\n");
        }
        return new Target(host, port, o.user(), SambaLab.DOMAIN, password, credentials);
    }

    /**
     * Runs everything the options ask for and prints the tables.
     *
     * @return every measurement, in run order
     */
    static List<Measurement> run(HarnessOptions options, Target target, PrintStream out) throws Exception {
        Path work = Files.createTempDirectory("smbench-harness-");
        try {
            ComparisonHarness harness = new ComparisonHarness(options, target, out, work);
            String before = Environment.describe(target);
            harness.fixture();
            for (int clients : options.clients()) {
                harness.smallOperations(clients);
            }
            for (Security security : Security.values()) {
                harness.transfers(security);
            }
            String tables = HarnessReport.tables(harness.results);
            out.println(tables);
            if (options.doc() != null) {
                HarnessReport.writeSection(options.doc(), before, options, tables);
                out.println("results written to " + options.doc());
            }
            return List.copyOf(harness.results);
        } finally {
            try (var files = Files.list(work)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    private List<ClientLibrary> libraries() {
        List<ClientLibrary> libs = new ArrayList<>();
        if (options.libraries().contains("smbench")) {
            options.depths().forEach(d -> libs.add(new SmbenchLibrary(d)));
        }
        if (options.libraries().contains("smbj")) {
            libs.add(new SmbjLibrary(options.ioSize()));
        }
        return libs;
    }

    /**
     * The harness folder on every share, and on the open share the folder to list (100 files) and the file to
     * stat, made with smbench.
     */
    private void fixture() throws Exception {
        for (Security security : List.of(Security.SIGNED, Security.ENCRYPTED)) {
            try (SmbenchLibrary lib = new SmbenchLibrary(1);
                    var session = (SmbenchLibrary.SmbenchSession) lib.open(target, security)) {
                session.mkdirs(DIR);
            }
        }
        try (SmbenchLibrary lib = new SmbenchLibrary(1);
                var session = (SmbenchLibrary.SmbenchSession) lib.open(target, Security.UNSIGNED)) {
            session.mkdirs(DIR);
            session.mkdirs(LIST_DIR);
            session.mkdirs(DIR + "/ops");
            for (int i = 0; i < LIST_FILES; i++) {
                session.createClose(String.format("%s/f%03d.txt", LIST_DIR, i));
            }
            if (session.write(STAT_FILE, STAT_SIZE, Arrays.copyOf(block, STAT_SIZE)) != STAT_SIZE) {
                throw new IllegalStateException("could not write " + STAT_FILE);
            }
            if (session.list(LIST_DIR) != LIST_FILES) {
                throw new IllegalStateException(LIST_DIR + " does not hold exactly " + LIST_FILES + " files");
            }
        }
    }

    private int perClient(int clients) {
        return Math.max(1, options.ops() / clients);
    }

    private void smallOperations(int clients) throws Exception {
        for (ClientLibrary lib : libraries()) {
            if (lib instanceof SmbenchLibrary s && !s.name().equals("smbench")) {
                lib.close();
                continue; // pipelining depth only matters to transfers
            }
            try (lib) {
                List<ClientLibrary.Session> sessions = openAll(lib, Security.UNSIGNED, clients);
                try {
                    for (Workload w : Workload.values()) {
                        for (int i = 0; i < WARMUP_OPS; i++) { // unmeasured: JIT and Samba caches
                            w.run(sessions.get(0), DIR + "/ops/" + lib.name() + "-c0.txt");
                        }
                        record(measureInProcess(lib.name(), w, sessions));
                    }
                } finally {
                    for (ClientLibrary.Session s : sessions) {
                        s.close();
                    }
                }
            }
        }
        if (options.libraries().contains("smbclient")) {
            for (Workload w : Workload.values()) {
                record(measureSmbclient(w, clients));
            }
        }
    }

    private List<ClientLibrary.Session> openAll(ClientLibrary lib, Security security, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(clients, 8));
        try {
            List<Future<ClientLibrary.Session>> opening = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                opening.add(pool.submit(() -> lib.open(target, security)));
            }
            List<ClientLibrary.Session> sessions = new ArrayList<>();
            Exception failure = null;
            for (Future<ClientLibrary.Session> f : opening) {
                try {
                    sessions.add(f.get(5, TimeUnit.MINUTES));
                } catch (Exception e) {
                    failure = failure == null ? e : failure;
                }
            }
            if (failure != null) {
                for (ClientLibrary.Session s : sessions) {
                    s.close();
                }
                throw new IllegalStateException(lib.name() + ": could not open " + clients + " sessions", failure);
            }
            return sessions;
        } finally {
            pool.shutdownNow();
        }
    }

    private Measurement measureInProcess(String library, Workload workload, List<ClientLibrary.Session> sessions)
            throws Exception {
        int clients = sessions.size();
        int per = perClient(clients);
        double load = quiet();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch ready = new CountDownLatch(clients);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                ClientLibrary.Session session = sessions.get(c);
                String own = DIR + "/ops/" + library + "-c" + c + ".txt";
                done.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    for (int i = 0; i < per; i++) {
                        workload.run(session, own);
                    }
                    return per;
                }));
            }
            ready.await();
            long cpu0 = Environment.processCpuNanos();
            long t0 = System.nanoTime();
            go.countDown();
            long ops = 0;
            for (Future<Integer> f : done) {
                ops += f.get(30, TimeUnit.MINUTES);
            }
            long wall = System.nanoTime() - t0;
            long cpu = Environment.processCpuNanos() - cpu0;
            return new Measurement(library, workload.label(), Security.UNSIGNED.label(), clients, ops, 0, wall, cpu,
                    load);
        } finally {
            pool.shutdownNow();
        }
    }

    private Measurement measureSmbclient(Workload workload, int clients) throws Exception {
        int per = perClient(clients);
        Path empty = Files.write(work.resolve("empty"), new byte[0]);
        List<List<String>> commands = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String command = switch (workload) {
                case CREATE_CLOSE -> "put " + empty + " " + DIR + "/ops/smbclient-c" + c + ".txt";
                case STAT -> "allinfo " + STAT_FILE;
                case LIST -> "ls " + LIST_DIR + "/*";
            };
            commands.add(java.util.Collections.nCopies(per, command));
        }
        double load = quiet();
        SmbclientRunner.Run run = new SmbclientRunner(target, work).run(Security.UNSIGNED, commands);
        for (String output : run.outputs()) {
            int seen = switch (workload) {
                case CREATE_CLOSE -> SmbclientRunner.count(output, "putting file");
                case STAT -> SmbclientRunner.count(output, "create_time:");
                case LIST -> countListed(output) / LIST_FILES;
            };
            if (seen != per || output.contains("NT_STATUS_")) {
                throw new IllegalStateException("smbclient " + workload.label() + ": " + seen + " of " + per
                        + " operations seen: " + SmbclientRunner.tail(output));
            }
        }
        return new Measurement("smbclient", workload.label(), Security.UNSIGNED.label(), clients,
                (long) per * clients, 0, run.wallNanos(), run.cpuNanos(), load);
    }

    private static int countListed(String output) {
        Matcher m = LISTED.matcher(output);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private void transfers(Security security) throws Exception {
        long size = options.transferBytes();
        long expectedCrc = expectedCrc(size);
        long requests = (size + options.ioSize() - 1) / options.ioSize();
        for (ClientLibrary lib : libraries()) {
            try (lib; ClientLibrary.Session session = lib.open(target, security)) {
                String path = DIR + "/seq-" + lib.name() + ".bin";
                long warm = Math.min(size, WARMUP_BYTES); // unmeasured: JIT and Samba caches
                check(lib.name() + " warm-up write", session.write(path, warm, block), warm);
                check(lib.name() + " warm-up read", session.read(path, options.ioSize(), null), warm);
                double load = quiet();
                long cpu0 = Environment.processCpuNanos();
                long t0 = System.nanoTime();
                long written = session.write(path, size, block);
                record(new Measurement(lib.name(), "write", security.label(), 1, requests, written,
                        System.nanoTime() - t0, Environment.processCpuNanos() - cpu0, load));
                check(lib.name() + " write", written, size);
                CRC32 crc = options.verify() ? new CRC32() : null;
                load = quiet();
                cpu0 = Environment.processCpuNanos();
                t0 = System.nanoTime();
                long read = session.read(path, options.ioSize(), crc);
                record(new Measurement(lib.name(), "read", security.label(), 1, requests, read,
                        System.nanoTime() - t0, Environment.processCpuNanos() - cpu0, load));
                check(lib.name() + " read", read, size);
                if (crc != null) {
                    check(lib.name() + " read CRC32", crc.getValue(), expectedCrc);
                }
                session.delete(path);
            }
        }
        if (options.libraries().contains("smbclient")) {
            smbclientTransfers(security, size, requests, expectedCrc);
        }
    }

    private void smbclientTransfers(Security security, long size, long requests, long expectedCrc) throws Exception {
        Path local = work.resolve("seq-local.bin");
        if (!Files.exists(local) || Files.size(local) != size) {
            try (var channel = Files.newOutputStream(local)) {
                for (long at = 0; at < size; at += block.length) {
                    channel.write(block, 0, (int) Math.min(block.length, size - at));
                }
            }
        }
        String remote = DIR + "/seq-smbclient.bin";
        SmbclientRunner runner = new SmbclientRunner(target, work);
        double load = quiet();
        SmbclientRunner.Run put = runner.run(security, List.of(List.of("put " + local + " " + remote)));
        String putOut = put.outputs().get(0);
        if (SmbclientRunner.count(putOut, "putting file") != 1 || putOut.contains("NT_STATUS_")) {
            throw new IllegalStateException("smbclient put failed: " + SmbclientRunner.tail(putOut));
        }
        record(new Measurement("smbclient", "write", security.label(), 1, requests, size, put.wallNanos(),
                put.cpuNanos(), load));
        Path back = work.resolve("seq-back.bin");
        String sink = options.verify() ? back.toString() : "/dev/null";
        load = quiet();
        SmbclientRunner.Run get = runner.run(security, List.of(List.of("get " + remote + " " + sink, "del " + remote)));
        String getOut = get.outputs().get(0);
        if (!SmbclientRunner.gotSizes(getOut).equals(List.of(size)) || getOut.contains("NT_STATUS_")) {
            throw new IllegalStateException("smbclient get failed: " + SmbclientRunner.tail(getOut));
        }
        record(new Measurement("smbclient", "read", security.label(), 1, requests, size, get.wallNanos(),
                get.cpuNanos(), load));
        if (options.verify()) {
            check("smbclient read size", Files.size(back), size);
            CRC32 crc = new CRC32();
            try (var in = Files.newInputStream(back)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    crc.update(buffer, 0, n);
                }
            }
            check("smbclient read CRC32", crc.getValue(), expectedCrc);
            Files.delete(back);
        }
    }

    private long expectedCrc(long size) {
        CRC32 crc = new CRC32();
        for (long at = 0; at < size; at += block.length) {
            crc.update(block, 0, (int) Math.min(block.length, size - at));
        }
        return crc.getValue();
    }

    private static void check(String what, long actual, long expected) {
        if (actual != expected) {
            throw new IllegalStateException(what + ": " + actual + ", expected " + expected);
        }
    }

    /**
     * Waits for a quiet machine out of the run's total waiting budget ({@code --quiet-wait}), then returns the
     * load at which the measurement starts.
     */
    private double quiet() throws InterruptedException {
        long t0 = System.nanoTime();
        int budget = (int) Math.max(0, options.quietWaitSeconds() - waitedNanos / 1_000_000_000L);
        double load = Environment.waitForQuiet(options.quietLoad(), budget, out);
        waitedNanos += System.nanoTime() - t0;
        return load;
    }

    private void record(Measurement m) {
        results.add(m);
        out.println(HarnessReport.line(m));
    }

    /** The small operations, each checked against the fixture. */
    enum Workload {
        CREATE_CLOSE("create+close"),
        STAT("stat"),
        LIST("list");

        private final String label;

        Workload(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        void run(ClientLibrary.Session session, String ownFile) throws Exception {
            switch (this) {
                case CREATE_CLOSE -> session.createClose(ownFile);
                case STAT -> {
                    long size = session.stat(STAT_FILE);
                    if (size != STAT_SIZE) {
                        throw new IllegalStateException("stat reported " + size + " bytes, expected " + STAT_SIZE);
                    }
                }
                case LIST -> {
                    int entries = session.list(LIST_DIR);
                    if (entries != LIST_FILES) {
                        throw new IllegalStateException("listed " + entries + " entries, expected " + LIST_FILES);
                    }
                }
            }
        }
    }
}
