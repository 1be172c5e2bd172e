package io.smbench.engine.sched;

import io.smbench.engine.backend.CompletionSink;
import io.smbench.engine.backend.ReplayBackend;
import io.smbench.engine.ir.Operation;
import io.smbench.engine.metrics.IncidentTimeline;
import io.smbench.engine.metrics.ReplayMetrics;
import io.smbench.smb.mserref.NtStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.agrona.DirectBuffer;
import org.agrona.collections.IntArrayQueue;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.DeadlineTimerWheel;

/**
 * The scheduler's duty-cycle agent. Each cycle reads the clock once, takes completions off the
 * ring, fires due timers, and issues what became due. Per client it keeps one operation in flight
 * and starts the next only after the previous completed and its scheduled time
 * ({@code start + timestamp_us × timeScale}) came.
 *
 * <p>Single-threaded and allocation-free per operation: per-client state lives in primitive arrays,
 * timers in a {@link DeadlineTimerWheel}, completions arrive as fixed records, and the handlers
 * are fields, not capturing lambdas. Only an expected-status mismatch builds a message.
 */
public final class ReplayConductor implements Agent {
    private static final int NO_EXPECTATION = Integer.MIN_VALUE;
    private static final int COMPLETIONS_PER_CYCLE = 256;
    private static final int TIMERS_PER_CYCLE = 1024;
    private static final int MAX_TICKS_PER_CYCLE = 1 << 16;

    private final ReplayPlan plan;
    private final ReplayBackend backend;
    private final ReplayOptions options;
    private final NanoClock clock;
    private final ReplayMetrics metrics;
    private final CompletionRing completions;
    private final ManyToOneRingBuffer ring;
    private final DeadlineTimerWheel wheel;
    private final Long2LongHashMap timerToClient = new Long2LongHashMap(-1);
    private final IntArrayQueue waitingForSlot = new IntArrayQueue();

    private final int[] nextOp;
    private final long[] dueNanos;
    private final long[] issuedAt;
    private final long[] scheduledAt;
    private final boolean[] inFlight;
    private final boolean[] queued;
    private final int[][] expectedStatus;

    private final List<String> statusMismatches = new ArrayList<>();
    private final IncidentTimeline incidents;
    private io.smbench.engine.metrics.OperationLog operationLog;
    private final org.agrona.concurrent.MessageHandler onCompletion = this::onCompletion;
    private final DeadlineTimerWheel.TimerHandler onTimer = this::onTimer;

    private long start;
    private long now;
    private int inFlightCount;
    private int finishedClients;
    /** Written by the conductor only; volatile so a progress line on another thread reads a recent value. */
    private volatile long completed;
    private volatile long errors;
    private long orderViolations;
    private volatile boolean stopRequested;
    private volatile boolean done;
    private long stopDeadline;
    private volatile String stopReason = "completed";

    public ReplayConductor(ReplayPlan plan, ReplayBackend backend, ReplayOptions options, NanoClock clock,
            ReplayMetrics metrics) {
        this.plan = plan;
        this.backend = backend;
        this.options = options;
        this.clock = clock;
        this.metrics = metrics;
        this.completions = new CompletionRing(Math.max(1 << 16, Integer.highestOneBit(plan.clientCount() * 64) << 1),
                clock);
        this.ring = completions.ring();
        int clients = plan.clientCount();
        this.nextOp = new int[clients];
        this.dueNanos = new long[clients];
        this.issuedAt = new long[clients];
        this.scheduledAt = new long[clients];
        this.inFlight = new boolean[clients];
        this.queued = new boolean[clients];
        this.expectedStatus = new int[clients][];
        this.incidents = new IncidentTimeline(plan.clientIds());
        for (int c = 0; c < clients; c++) {
            expectedStatus[c] = new int[plan.operationCount(c)];
            for (int o = 0; o < expectedStatus[c].length; o++) {
                String expected = plan.operation(c, o).text("expected_status");
                OptionalInt code = expected == null ? OptionalInt.empty() : NtStatus.parse(expected);
                expectedStatus[c][o] = code.isPresent() ? code.getAsInt() : NO_EXPECTATION;
            }
        }
        this.wheel = new DeadlineTimerWheel(TimeUnit.NANOSECONDS, clock.nanoTime(), 1 << 14, 1024);
    }

    @Override
    public void onStart() {
        start = clock.nanoTime();
        now = start;
        for (int c = 0; c < plan.clientCount(); c++) {
            if (plan.operationCount(c) == 0) {
                finishedClients++;
                continue;
            }
            scheduleNext(c);
        }
        checkDone();
    }

    @Override
    public int doWork() {
        now = clock.nanoTime();
        int work = ring.read(onCompletion, COMPLETIONS_PER_CYCLE);
        // poll() expires one tick per call; catch up to now so a slow cycle cannot make timers late.
        for (int ticks = 0; ticks < MAX_TICKS_PER_CYCLE && wheel.currentTickTime() <= now; ticks++) {
            work += wheel.poll(now, onTimer, TIMERS_PER_CYCLE);
        }
        if (stopRequested && stopDeadline == 0) {
            stopDeadline = now + options.drainTimeout().toNanos();
        }
        checkDone();
        return work;
    }

    private void scheduleNext(int client) {
        Operation op = plan.operation(client, nextOp[client]);
        long due = options.asFastAsPossible() ? now : start + (long) (op.timestampUs() * 1000.0 * options.timeScale());
        dueNanos[client] = due;
        if (due <= now) {
            tryIssue(client);
        } else {
            timerToClient.put(wheel.scheduleTimer(due), client);
        }
    }

    private boolean onTimer(TimeUnit unit, long time, long timerId) {
        int client = (int) timerToClient.remove(timerId);
        if (client >= 0) {
            tryIssue(client);
        }
        return true;
    }

    private void tryIssue(int client) {
        if (stopRequested || inFlight[client]) {
            return;
        }
        if (options.maxInFlight() > 0 && inFlightCount >= options.maxInFlight()) {
            if (!queued[client]) {
                queued[client] = true;
                waitingForSlot.addInt(client);
            }
            return;
        }
        int op = nextOp[client];
        inFlight[client] = true;
        inFlightCount++;
        issuedAt[client] = now;
        scheduledAt[client] = dueNanos[client];
        metrics.issued(now - dueNanos[client]);
        backend.issue(client, op, plan.operation(client, op), completions);
    }

    private void onCompletion(int msgTypeId, DirectBuffer buffer, int index, int length) {
        int client = buffer.getInt(index + CompletionRing.CLIENT_OFFSET);
        int op = buffer.getInt(index + CompletionRing.OP_OFFSET);
        int status = buffer.getInt(index + CompletionRing.STATUS_OFFSET);
        long bytes = buffer.getLong(index + CompletionRing.BYTES_OFFSET);
        long completedAt = buffer.getLong(index + CompletionRing.NANOS_OFFSET);
        if (msgTypeId == CompletionRing.MSG_EVENT) {
            onEvent(client, op, completedAt);
            return;
        }
        if (client < 0 || client >= nextOp.length || !inFlight[client] || op != nextOp[client]) {
            orderViolations++;
            return;
        }
        inFlight[client] = false;
        inFlightCount--;
        Operation operation = plan.operation(client, op);
        metrics.completed(operation.kind(), completedAt - issuedAt[client], completedAt - scheduledAt[client], status,
                bytes, completedAt - start);
        int expected = expectedStatus[client][op];
        boolean mismatch = expected != NO_EXPECTATION && expected != status;
        if (mismatch) {
            statusMismatches.add(operation.opId() + ": server answered " + describe(status) + " where the workload "
                    + "expected " + describe(expected));
        }
        long scheduledUs = (scheduledAt[client] - start) / 1000;
        long sentUs = (issuedAt[client] - start) / 1000;
        long completedUs = (completedAt - start) / 1000;
        incidents.completed(client, operation, status, mismatch, scheduledUs, sentUs, completedUs);
        if (operationLog != null) {
            operationLog.record(client, op, scheduledUs, sentUs, completedUs, status);
        }
        completed++;
        if ((status & 0xC0000000) == 0xC0000000) {
            errors++;
        }
        nextOp[client]++;
        if (nextOp[client] == plan.operationCount(client)) {
            finishedClients++;
        } else if (!stopRequested) {
            scheduleNext(client);
        }
        while (!waitingForSlot.isEmpty() && (options.maxInFlight() == 0 || inFlightCount < options.maxInFlight())) {
            int waiting = waitingForSlot.pollInt();
            queued[waiting] = false;
            tryIssue(waiting);
        }
    }

    private void onEvent(int client, int event, long atNanos) {
        if (client < 0 || client >= nextOp.length) {
            return;
        }
        IncidentTimeline.Cause cause = event == CompletionSink.EVENT_OPLOCK_BREAK ? IncidentTimeline.Cause.OPLOCK_BREAK
                : IncidentTimeline.Cause.RECONNECT;
        incidents.event(client, cause, (atNanos - start) / 1000);
    }

    static String describe(int status) {
        return switch (status) {
            case io.smbench.engine.backend.CompletionSink.CLIENT_ERROR -> "CLIENT_ERROR";
            case io.smbench.engine.backend.CompletionSink.TIMEOUT -> "TIMEOUT (no response)";
            case io.smbench.engine.backend.CompletionSink.UNSUPPORTED -> "UNSUPPORTED (not implemented by smbench yet)";
            case io.smbench.engine.backend.CompletionSink.CONNECTION_LOST -> "CONNECTION_LOST";
            default -> NtStatus.describe(status);
        };
    }

    private void checkDone() {
        if (done) {
            return;
        }
        if (finishedClients == plan.clientCount()) {
            done = true;
        } else if (stopRequested && (inFlightCount == 0 || (stopDeadline != 0 && now >= stopDeadline))) {
            if (inFlightCount > 0) {
                stopReason = stopReason + "; " + inFlightCount + " operations never answered";
            }
            done = true;
        }
    }

    /** Stops issuing; in-flight operations get {@link ReplayOptions#drainTimeout()} to finish. Any thread. */
    public void requestStop(String reason) {
        stopReason = reason;
        stopRequested = true;
    }

    public boolean isDone() {
        return done;
    }

    @Override
    public String roleName() {
        return "smbench-replay-conductor";
    }

    /** Operations issued but not answered (when stopped early), as op_ids. Call after {@link #isDone()}. */
    public List<String> unanswered() {
        List<String> ops = new ArrayList<>();
        for (int c = 0; c < inFlight.length; c++) {
            if (inFlight[c]) {
                ops.add(plan.operation(c, nextOp[c]).opId());
            }
        }
        return ops;
    }

    /** Records every operation's times into {@code log}; call before the replay starts. */
    public void recordOperations(io.smbench.engine.metrics.OperationLog log) {
        this.operationLog = log;
    }

    /** The operations around each incident, per client. Call after {@link #isDone()}. */
    public IncidentTimeline incidents() {
        return incidents;
    }

    public List<String> statusMismatches() {
        return statusMismatches;
    }

    public long completed() {
        return completed;
    }

    /** Operations that ended in an error so far (any thread, for progress lines). */
    public long errors() {
        return errors;
    }

    public long orderViolations() {
        return orderViolations;
    }

    public String stopReason() {
        return stopRequested && done && finishedClients == plan.clientCount() ? "completed" : stopReason;
    }

    /** Elapsed replay time so far, for progress lines. */
    public long elapsedNanos() {
        return now - start;
    }
}
