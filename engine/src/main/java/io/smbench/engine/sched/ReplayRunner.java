package io.smbench.engine.sched;

import io.smbench.engine.backend.ReplayBackend;
import io.smbench.engine.metrics.ReplayMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * Runs one replay: opens the backend's clients, runs the {@link ReplayConductor} on its own thread
 * under an {@link AgentRunner}, waits for it to finish (or for {@link #requestStop}), closes what
 * clients left open, and returns the result. Results are produced on every path, so an
 * interrupted replay still reports what ran.
 */
public final class ReplayRunner {
    private final ReplayPlan plan;
    private final ReplayBackend backend;
    private final ReplayOptions options;
    private final NanoClock clock;
    private volatile ReplayConductor conductor;
    private volatile java.util.function.Consumer<ReplayConductor> progress = c -> { };
    private long progressIntervalNanos = TimeUnit.SECONDS.toNanos(1);

    /** Called about once a second, on the calling thread of {@link #run()}, while the replay runs. */
    public void onProgress(java.util.function.Consumer<ReplayConductor> listener) {
        this.progress = listener;
    }

    public ReplayRunner(ReplayPlan plan, ReplayBackend backend, ReplayOptions options) {
        this(plan, backend, options, SystemNanoClock.INSTANCE);
    }

    ReplayRunner(ReplayPlan plan, ReplayBackend backend, ReplayOptions options, NanoClock clock) {
        this.plan = plan;
        this.backend = backend;
        this.options = options;
        this.clock = clock;
    }

    /** The idle strategy named by the user. */
    public static IdleStrategy idleStrategy(String name) {
        return switch (name) {
            case "busy-spin" -> new BusySpinIdleStrategy();
            case "yield" -> new YieldingIdleStrategy();
            case "sleep" -> new SleepingIdleStrategy(TimeUnit.MICROSECONDS.toNanos(50));
            case "backoff" -> new BackoffIdleStrategy(100, 10, TimeUnit.MICROSECONDS.toNanos(1),
                    TimeUnit.MICROSECONDS.toNanos(100));
            default -> throw new IllegalArgumentException("unknown idle strategy '" + name
                    + "'; expected busy-spin, backoff, yield or sleep");
        };
    }

    private boolean recordOperations;
    private volatile io.smbench.engine.metrics.OperationLog operationLog;

    /** Keeps every operation's scheduled, sent and completed times (see {@link #operationLog()}). */
    public void recordOperations(boolean value) {
        this.recordOperations = value;
    }

    /** The per-operation times of the last run, or null unless {@link #recordOperations} was set. */
    public io.smbench.engine.metrics.OperationLog operationLog() {
        return operationLog;
    }

    /** Replays the plan; blocks until every client finished or the replay was stopped. */
    public ReplayResult run() throws Exception {
        backend.open(plan.clientIds());
        ReplayMetrics metrics = new ReplayMetrics(options.lateThreshold().toNanos());
        ReplayConductor agent = new ReplayConductor(plan, backend, options, clock, metrics);
        if (recordOperations) {
            operationLog = new io.smbench.engine.metrics.OperationLog(plan);
            agent.recordOperations(operationLog);
        }
        conductor = agent;
        Instant startedAt = Instant.now();
        List<Throwable> agentErrors = new ArrayList<>();
        AgentRunner runner = new AgentRunner(idleStrategy(options.idleStrategy()), agentErrors::add, null, agent);
        AgentRunner.startOnThread(runner);
        try {
            long nextProgress = System.nanoTime() + progressIntervalNanos;
            while (!agent.isDone()) {
                if (!agentErrors.isEmpty()) {
                    agent.requestStop("scheduler error: " + agentErrors.get(0));
                }
                Thread.sleep(1);
                if (System.nanoTime() >= nextProgress) {
                    progress.accept(agent);
                    nextProgress += progressIntervalNanos;
                }
            }
        } catch (InterruptedException e) {
            agent.requestStop("interrupted");
            Thread.currentThread().interrupt();
        } finally {
            runner.close();
        }
        List<String> leaks = new ArrayList<>();
        for (int c = 0; c < plan.clientCount(); c++) {
            for (String handle : backend.finish(c)) {
                leaks.add(plan.clientIds().get(c) + ": " + handle);
            }
        }
        return new ReplayResult(backend.name(), startedAt, agent.elapsedNanos(), plan.totalOperations(),
                agent.completed(), agent.orderViolations(), List.copyOf(agent.statusMismatches()), leaks,
                agent.unanswered(), agent.stopReason(), metrics, agent.incidents());
    }

    /** Stops scheduling (Ctrl-C, fatal server error); in-flight operations may still finish. Any thread. */
    public void requestStop(String reason) {
        ReplayConductor running = conductor;
        if (running != null) {
            running.requestStop(reason);
        }
    }
}
