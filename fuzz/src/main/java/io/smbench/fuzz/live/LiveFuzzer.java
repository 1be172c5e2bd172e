package io.smbench.fuzz.live;

import io.smbench.smb.client.SmbClient;
import io.smbench.smb.client.SmbTree;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * {@code smbench fuzz}: runs cases one after another against one target until the case count or
 * the duration is reached, or the server stops accepting connections.
 *
 * <p>Case {@code i} of a run seeded {@code S} has seed {@link SplitMix64#caseSeed(long, long)
 * caseSeed(S, i)}, and that seed alone decides the case, so a finding is replayed with
 * {@link #replay(long)} (the same options: dialects and signing decide which sequences exist).
 */
public final class LiveFuzzer implements AutoCloseable {
    private final FuzzTarget target;
    private final SmbClient client = new SmbClient(1);
    private final CaseRunner runner;

    public LiveFuzzer(FuzzTarget target) {
        this.target = target;
        this.runner = new CaseRunner(client, target);
    }

    /**
     * Logs on once with the target's settings, so a wrong password or share fails the run with one
     * clear message instead of a finding per case.
     */
    public void checkLogOn() throws InterruptedException {
        try {
            SmbTree tree = client.connectTree(target.host(), target.port(), target.share(),
                    target.config().withRequestTimeout(target.hangTimeout()), target.credentials())
                    .get(target.hangTimeout().multipliedBy(4).plusSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
            tree.session().connection().close();
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("cannot log on to " + target + ": " + cause.getMessage(), cause);
        }
    }

    /**
     * Runs cases {@code 0, 1, ...} of {@code runSeed}.
     *
     * @param maxCases stop after this many cases
     * @param duration stop starting cases after this long (null: no limit)
     * @param progress sees each case as it completes
     */
    public FuzzReport run(long runSeed, long maxCases, Duration duration, Consumer<CaseResult> progress)
            throws InterruptedException {
        FuzzReport report = new FuzzReport(runSeed);
        long started = System.nanoTime();
        long deadline = duration == null ? Long.MAX_VALUE : started + duration.toNanos();
        String reason = maxCases + " cases run";
        for (long index = 0; index < maxCases; index++) {
            if (System.nanoTime() - deadline >= 0) {
                reason = "duration of " + duration.toSeconds() + " s reached";
                break;
            }
            CaseResult result = runner.run(SplitMix64.caseSeed(runSeed, index));
            report.add(result);
            progress.accept(result);
            if (result.outcome() == Outcome.CRASH) {
                reason = "server unreachable after case " + result.seedText();
                break;
            }
        }
        report.finish((System.nanoTime() - started) / 1_000_000, reason);
        return report;
    }

    /** Runs the one case {@code caseSeed}, exactly as the run that found it did. */
    public CaseResult replay(long caseSeed) throws InterruptedException {
        return runner.run(caseSeed);
    }

    @Override
    public void close() {
        client.close();
    }
}
