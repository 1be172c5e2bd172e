package io.smbench.cli;

import io.smbench.fuzz.live.CaseResult;
import io.smbench.fuzz.live.FindingsFile;
import io.smbench.fuzz.live.FuzzReport;
import io.smbench.fuzz.live.FuzzTarget;
import io.smbench.fuzz.live.LiveFuzzer;
import io.smbench.fuzz.live.LoopbackGuard;
import io.smbench.fuzz.live.Mutation;
import io.smbench.fuzz.live.Outcome;
import io.smbench.smb.ntlm.NtlmCredentials;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code smbench fuzz}: mutates valid SMB2 request sequences field by field and sends them to a
 * live server, recording disconnects, hangs and crashes with the seed that reproduces each.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = {"Fuzz a live SMB server: valid request sequences (create/write/read/close,",
            "query directory, validate-negotiate, compound, lock, set-info) are sent with",
            "fields mutated (lengths, offsets, flags, credits, create contexts, compound",
            "links, bit flips), each case on a fresh connection. Disconnects, hangs, bad",
            "responses and crashes go to a JSON findings file with the case seed;",
            "--replay-seed repeats one case. Loopback targets only, unless --allow-remote.",
            "Use a scratch share: cases create files there."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run completed without hangs or crashes", "1:the server could not be reached or logged on to",
            "2:invalid input", "3:a case hung the server or took it down"})
public final class FuzzCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    SecurityOptions security = new SecurityOptions();

    @Option(names = "--seed", paramLabel = "SEED",
            description = "Seed of the run (decimal or 0x hex); case i has a seed derived from it. Default: random.")
    String seed;

    @Option(names = "--cases", paramLabel = "N", defaultValue = "1000",
            description = "Stop after N cases (default: ${DEFAULT-VALUE}).")
    long cases;

    @Option(names = "--duration", paramLabel = "TIME",
            description = "Stop starting cases after this long, e.g. 90s, 10m, 2h (default: no limit).")
    String duration;

    @Option(names = "--replay-seed", paramLabel = "SEED",
            description = "Run only the case with this seed (from a findings file), with the same options as the run.")
    String replaySeed;

    @Option(names = "--hang-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "Seconds without a response before a case counts as a hang; every request of a case "
                    + "uses it (it replaces --timeout). Default: ${DEFAULT-VALUE}.")
    int hangTimeoutSeconds;

    @Option(names = "--findings", paramLabel = "FILE", defaultValue = "fuzz-findings.json",
            description = "Where to write the findings (default: ${DEFAULT-VALUE}).")
    Path findings;

    @Option(names = "--allow-remote",
            description = "Allow a server that is not on this machine. Fuzzing can crash a server: only fuzz servers you own.")
    boolean allowRemote;

    @Override
    public Integer call() throws Exception {
        if (connection.server() == null || connection.share() == null || connection.user() == null) {
            throw new ParameterException(spec.commandLine(), "fuzzing needs --server, --share and --user");
        }
        if (connection.commandLinePassword != null) {
            throw new ParameterException(spec.commandLine(), "fuzz takes the password only from $"
                    + PasswordSource.PASSWORD_ENV + ", --password-file or the prompt, never --pass");
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--timeout")) {
            throw new ParameterException(spec.commandLine(), "fuzz times requests out with --hang-timeout, not --timeout");
        }
        if (cases < 1 || hangTimeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--cases and --hang-timeout must be positive");
        }
        Duration limit = duration == null ? null : parseDuration(duration);
        Long caseSeed = replaySeed == null ? null : parseSeed(replaySeed, "--replay-seed");
        long runSeed = seed == null ? new SecureRandom().nextLong() : parseSeed(seed, "--seed");
        try {
            LoopbackGuard.check(connection.server(), allowRemote);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        char[] password = connection.password(PasswordSource.system());
        NtlmCredentials credentials = new NtlmCredentials(connection.user(), connection.domain(), password);
        Arrays.fill(password, '\0');
        FuzzTarget target = new FuzzTarget(connection.server(), connection.port(), connection.share(), credentials,
                security.toConfig(), Duration.ofSeconds(hangTimeoutSeconds));
        PrintWriter out = spec.commandLine().getOut();
        try (LiveFuzzer fuzzer = new LiveFuzzer(target)) {
            fuzzer.checkLogOn();
            if (caseSeed != null) {
                return replay(fuzzer, target, caseSeed, out);
            }
            out.println("fuzzing " + target + " with seed " + CaseResult.seedText(runSeed) + " ("
                    + (limit == null ? cases + " cases" : "up to " + cases + " cases or " + duration) + ")");
            out.flush();
            FuzzReport report = fuzzer.run(runSeed, cases, limit, result -> {
                if (result.isFinding()) {
                    out.println("  " + describe(result));
                    out.flush();
                }
            });
            FindingsFile.write(findings, target, report, null);
            summarize(report, out);
            return report.count(Outcome.HANG) + report.count(Outcome.CRASH) > 0 ? ExitCodes.CHECKS_FAILED
                    : ExitCodes.OK;
        } finally {
            credentials.clear();
        }
    }

    private Integer replay(LiveFuzzer fuzzer, FuzzTarget target, long caseSeed, PrintWriter out) throws Exception {
        CaseResult result = fuzzer.replay(caseSeed);
        FindingsFile.write(findings, target, null, result);
        out.println("replayed " + describe(result));
        for (Mutation mutation : result.mutations()) {
            out.println("  " + mutation);
        }
        out.println("  statuses: " + result.statuses());
        out.println("  canonical request: " + result.canonicalHex());
        out.println("written to " + findings);
        out.flush();
        return result.outcome() == Outcome.HANG || result.outcome() == Outcome.CRASH ? ExitCodes.CHECKS_FAILED
                : ExitCodes.OK;
    }

    private void summarize(FuzzReport report, PrintWriter out) {
        out.println(report.cases() + " cases in " + report.millis() / 1000 + " s (" + report.stoppedBecause() + "): "
                + report.outcomes().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                        .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", ")));
        out.println("statuses of mutated requests: " + report.statuses());
        out.println(report.findings().size() + " findings written to " + findings);
        if (!report.findings().isEmpty()) {
            out.println("replay one with: smbench " + replayArguments() + " --replay-seed "
                    + report.findings().get(0).seedText());
        }
        out.flush();
    }

    /** This run's arguments without those that choose cases: a replay needs the rest unchanged. */
    private String replayArguments() {
        java.util.Set<String> runOnly = java.util.Set.of("--seed", "--cases", "--duration", "--findings", "--replay-seed");
        java.util.List<String> kept = new java.util.ArrayList<>();
        java.util.List<String> original = spec.commandLine().getParseResult().originalArgs();
        for (int i = 0; i < original.size(); i++) {
            String arg = original.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (runOnly.contains(name)) {
                i += arg.contains("=") ? 0 : 1; // skip its value too
            } else {
                kept.add(arg);
            }
        }
        return String.join(" ", kept);
    }

    private static String describe(CaseResult result) {
        String changes = result.mutations().stream().map(m -> m.op() == Mutation.Op.SET
                ? m.target() + "=0x" + Long.toHexString(m.value()).toUpperCase(Locale.ROOT)
                : "bit " + m.value() + " of byte " + m.offset()).collect(Collectors.joining(", "));
        return result.seedText() + " " + result.outcome().label() + " " + result.sequence() + "/" + result.step()
                + (changes.isEmpty() ? "" : " [" + changes + "]") + (result.detail() == null ? "" : ": " + result.detail());
    }

    private long parseSeed(String text, String option) {
        try {
            String t = text.trim().toLowerCase(Locale.ROOT);
            return t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), option + " takes a decimal or 0x-hex number, not " + text);
        }
    }

    private Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            long amount = Long.parseLong(t.substring(0, t.length() - 1));
            Duration parsed = switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new NumberFormatException();
            };
            if (parsed.isNegative() || parsed.isZero()) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (RuntimeException e) {
            throw new ParameterException(spec.commandLine(), "--duration takes e.g. 90s, 10m or 2h, not " + text);
        }
    }
}
