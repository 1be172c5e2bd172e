package io.smbench.cli;

import io.smbench.engine.backend.SmbBackend;
import io.smbench.engine.ir.ValidationIssue;
import io.smbench.engine.report.ReportJson;
import io.smbench.engine.report.SummaryTable;
import io.smbench.engine.sched.ReplayOptions;
import io.smbench.engine.sched.ReplayPlan;
import io.smbench.engine.sched.ReplayResult;
import io.smbench.engine.sched.ReplayRunner;
import io.smbench.smb.client.ClientConfig;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.ntlm.NtlmCredentials;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import io.smbench.engine.ir.ValidationReport;
import io.smbench.engine.ir.WorkloadValidator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code smbench replay}: validates a workload and, once the replay engine lands, replays it
 * against a server.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {
            "Replay a workload (IR v1 JSON) against an SMB server.",
            "With --validate-only, check the workload and print a summary without connecting."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the workload is valid (and, for a replay, ran)",
            "1:the replay could not run (server, network, internal error)",
            "2:the workload or an option is invalid; every error is printed, one a line",
            "3:with --strict: the replay ran but a check failed (status mismatch, leak, order, unanswered)",
            "130:interrupted (Ctrl-C); results so far are still written"
        })
public final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WORKLOAD", description = "Workload file (IR v1 JSON).")
    Path workload;

    @Option(names = "--validate-only", description = "Validate the workload, print its summary and exit.")
    boolean validateOnly;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Option(names = "--time-scale", paramLabel = "FACTOR", defaultValue = "1.0",
            description = "Multiply every timestamp by FACTOR: 0.1 replays ten times faster (default: ${DEFAULT-VALUE}).")
    double timeScale;

    @Mixin
    SecurityOptions security = new SecurityOptions();

    @Option(names = "--as-fast-as-possible", description = "Ignore timestamps; keep each client's order.")
    boolean asFastAsPossible;

    @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = "0",
            description = "Most operations in flight across all clients (default: no limit).")
    int maxInFlight;

    @Option(names = "--idle", paramLabel = "STRATEGY", defaultValue = "backoff",
            description = "Scheduler idle strategy: busy-spin (precise, one core busy), backoff (default), yield, sleep.")
    String idle;

    @Option(names = "--late-threshold-ms", paramLabel = "MS", defaultValue = "1",
            description = "Count an operation as late when sent more than MS after its scheduled time (default: ${DEFAULT-VALUE}).")
    double lateThresholdMs;

    @Option(names = "--scale", paramLabel = "N", defaultValue = "1",
            description = "Replay the workload as N users: each copy gets its own client ids and op_ids, and its paths "
                    + "under --path-template (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--path-template", paramLabel = "TEMPLATE", defaultValue = "/u{n}",
            description = "Path prefix of copy n with --scale; created on the share before the replay "
                    + "(default: ${DEFAULT-VALUE}).")
    String pathTemplate;

    @Option(names = "--ramp-up", paramLabel = "SECONDS", defaultValue = "0",
            description = "With --scale, spread the copies' start times over SECONDS (default: ${DEFAULT-VALUE}).")
    double rampUpSeconds;

    @Option(names = "--clients-per-connection", paramLabel = "N", defaultValue = "1",
            description = "Share one TCP connection among N consecutive clients, as the users of one machine do: "
                    + "each keeps its own session and tree connect (default: ${DEFAULT-VALUE}, a connection each).")
    int clientsPerConnection;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Replay only shard I of N: every N-th client starting at the I-th (deterministic), for "
                    + "spreading one workload over N machines; merge the reports with 'smbench report merge'.")
    String shard;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the JSON report (docs/report.md) to FILE.")
    Path report;

    @Option(names = "--histogram-log", paramLabel = "FILE",
            description = "Write the latency histograms as an HdrHistogram interval log (one tag per operation kind).")
    Path histogramLog;

    @Option(names = "--op-log", paramLabel = "FILE",
            description = "Write every operation's captured, scheduled, sent and completed times as CSV, for "
                    + "'smbench report timing' (costs 28 bytes of memory per operation).")
    Path opLog;

    @Option(names = "--quiet", description = "No live progress line (it is only shown on a terminal anyway).")
    boolean quiet;

    @Option(names = "--strict", description = "Exit 3 when any check fails: an expected_status mismatch, a leaked "
            + "handle, an order violation, an unanswered request or an invariant violation.")
    boolean strict;

    private final PasswordSource passwords;

    public ReplayCommand() {
        this(PasswordSource.system());
    }

    ReplayCommand(PasswordSource passwords) {
        this.passwords = passwords;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new ParameterException(spec.commandLine(), "--time-scale must be a positive number, was " + timeScale);
        }
        if (!Files.isRegularFile(workload)) {
            err.println("error: workload file not found: " + workload);
            return ExitCodes.INVALID_INPUT;
        }
        ValidationReport report = WorkloadValidator.validate(workload);
        for (ValidationIssue warning : report.warnings()) {
            err.println("warning: " + warning);
        }
        if (!report.isValid()) {
            for (ValidationIssue error : report.errors()) {
                err.println("error: " + error);
            }
            err.println(workload + ": " + report.errors().size() + " error(s); the workload is not valid");
            return ExitCodes.INVALID_INPUT;
        }
        out.println(workload + ": valid IR v1 workload");
        out.println(report.summary().format());
        if (validateOnly) {
            return ExitCodes.OK;
        }
        return replay(out, err);
    }

    private Integer replay(PrintWriter out, PrintWriter err) throws Exception {
        if (connection.server() == null || connection.share() == null || connection.user() == null) {
            throw new ParameterException(spec.commandLine(), "a replay needs --server, --share and --user "
                    + "(or --validate-only)");
        }
        if (clientsPerConnection < 1) {
            throw new ParameterException(spec.commandLine(), "--clients-per-connection must be at least 1, was "
                    + clientsPerConnection);
        }
        ClientConfig config;
        ReplayOptions options;
        try {
            config = security.toConfig();
            options = new ReplayOptions(timeScale, asFastAsPossible, maxInFlight, idle,
                    Duration.ofNanos((long) (lateThresholdMs * 1e6)), Duration.ofSeconds(30));
            ReplayRunner.idleStrategy(idle);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        char[] password = connection.password(passwords);
        NtlmCredentials credentials = new NtlmCredentials(connection.user(), connection.domain(), password);
        java.util.Arrays.fill(password, '\0');
        ReplayPlan plan = ReplayPlan.load(workload);
        if (scale > 1) {
            try {
                plan = plan.scaled(scale, pathTemplate, Duration.ofNanos((long) (rampUpSeconds * 1e9)));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        if (shard != null) {
            String[] parts = shard.split("/");
            try {
                plan = plan.shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            } catch (RuntimeException e) {
                throw new ParameterException(spec.commandLine(), "--shard takes I/N with 1 <= I <= N, was '" + shard + "'");
            }
        }
        Path workloadDir = workload.toAbsolutePath().getParent();
        CountDownLatch reported = new CountDownLatch(1);
        try (SmbClient client = new SmbClient(0);
                SmbBackend backend = new SmbBackend(client, connection.server(), connection.port(), connection.share(),
                        config, credentials, workloadDir)) {
            if (scale > 1) {
                backend.createDirectoriesFirst(ReplayPlan.scalePrefixes(scale, pathTemplate));
            }
            backend.clientsPerConnection(clientsPerConnection);
            ReplayRunner runner = new ReplayRunner(plan, backend, options);
            runner.recordOperations(opLog != null);
            if (!quiet && System.console() != null) {
                long total = plan.totalOperations();
                runner.onProgress(c -> {
                    double seconds = c.elapsedNanos() / 1e9;
                    double rate = seconds > 0 ? c.completed() / seconds : 0;
                    String eta = rate > 0 ? String.format(java.util.Locale.ROOT, "%.0f s", (total - c.completed()) / rate) : "-";
                    System.err.printf(java.util.Locale.ROOT, "\r%d/%d ops, %.0f ops/s, %d errors, ETA %s   ",
                            c.completed(), total, rate, c.errors(), eta);
                });
            }
            Thread interrupt = new Thread(() -> {
                runner.requestStop("interrupted (Ctrl-C)");
                try {
                    reported.await(40, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "smbench-interrupt");
            Runtime.getRuntime().addShutdownHook(interrupt);
            ReplayResult result;
            try {
                result = runner.run();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(interrupt);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is running and waits for the report below.
                }
            }
            java.util.List<String> violations = backend.violations();
            try {
                if (report != null) {
                    ReportJson.write(ReportJson.build(result, context(plan, options), violations, backend.breaks(),
                            backend.reconnects(), backend.grants()), report);
                }
                if (histogramLog != null) {
                    io.smbench.engine.report.HistogramLog.write(result, histogramLog);
                }
                if (opLog != null && runner.operationLog() != null) {
                    runner.operationLog().write(opLog);
                }
                if (!quiet && System.console() != null) {
                    System.err.print("\r");
                }
                out.print(SummaryTable.format(result, violations));
                out.println("connections: " + backend.connectionCount() + " (" + (clientsPerConnection == 1
                        ? "one client each" : "up to " + clientsPerConnection + " clients each") + "), "
                        + backend.connectionsOpened() + " opened in all");
                backend.breaks().forEach(line -> out.println("break: " + line));
                backend.reconnects().forEach(line -> out.println("reconnect: " + line));
                if (report != null) {
                    out.println("report: " + report);
                }
                if (histogramLog != null) {
                    out.println("histogram log: " + histogramLog);
                }
                if (opLog != null) {
                    out.println("operation log: " + opLog + " (compare with the capture: smbench report timing "
                            + opLog + ")");
                }
                out.flush();
            } finally {
                reported.countDown();
            }
            if (result.stopReason().startsWith("interrupted")) {
                return ExitCodes.INTERRUPTED;
            }
            boolean checksFailed = result.orderViolations() > 0 || !result.statusMismatches().isEmpty()
                    || !result.leakedHandles().isEmpty() || !result.unanswered().isEmpty() || !violations.isEmpty();
            return strict && checksFailed ? ExitCodes.CHECKS_FAILED : ExitCodes.OK;
        }
    }

    private Map<String, Object> context(ReplayPlan plan, ReplayOptions options) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("workload", workload.toString());
        context.put("server", connection.server() + ":" + connection.port());
        context.put("share", connection.share());
        context.put("user", connection.user());
        context.put("clients", plan.clientCount());
        context.put("scale", scale);
        context.put("shard", shard == null ? "1/1" : shard);
        context.put("clients_per_connection", clientsPerConnection);
        context.put("time_scale", options.timeScale());
        context.put("as_fast_as_possible", options.asFastAsPossible());
        context.put("max_in_flight", options.maxInFlight());
        context.put("idle_strategy", options.idleStrategy());
        context.put("smbench_version", String.valueOf(ReplayCommand.class.getPackage().getImplementationVersion()));
        return context;
    }
}
