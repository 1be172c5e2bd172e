package io.smbench.engine.metrics;

import io.smbench.engine.ir.Operation;
import io.smbench.engine.ir.OperationKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Per client, the operations around each incident (an error, an expected-status mismatch, an
 * oplock break, a reconnect): the {@link #CONTEXT} operations completed before it, and those
 * completed after it until {@link #CONTEXT} in a row went by without a new error. The report's
 * per-client timeline is built from these, so a reader sees what a client was doing when it failed.
 *
 * <p>Single writer: the scheduler's thread. Per operation it only writes primitive slots of a
 * per-client ring; it allocates only when an incident is open, as the mismatch messages do. At most
 * {@link #MAX_INCIDENTS} are kept (a run where everything fails would otherwise grow without
 * bound); later ones are counted.
 */
public final class IncidentTimeline {
    /** Operations kept before an incident, and quiet operations that close it. */
    public static final int CONTEXT = 5;
    public static final int MAX_INCIDENTS = 100;
    /** A client failing every operation would keep one incident open forever: close it here. */
    static final int MAX_OPS_PER_INCIDENT = 50;

    /** What opened an incident. */
    public enum Cause {
        ERROR("error"),
        STATUS_MISMATCH("expected-status mismatch"),
        OPLOCK_BREAK("oplock break"),
        RECONNECT("connection lost");

        private final String label;

        Cause(String label) {
            this.label = label;
        }

        /** The name the report uses. */
        public String label() {
            return label;
        }
    }

    /** One completed operation; times are microseconds since the replay started. */
    public record Entry(String opId, OperationKind kind, int status, long scheduledUs, long sentUs, long completedUs) {}

    /**
     * @param opId the operation that failed, or null for events outside any operation (breaks)
     * @param atUs when it happened, microseconds since the replay started
     * @param ops the operations around it, in completion order
     */
    public record Incident(String client, Cause cause, String opId, long atUs, List<Entry> ops) {}

    private final List<String> clientIds;
    private final Operation[] recentOp;
    private final int[] recentStatus;
    private final long[] recentScheduled;
    private final long[] recentSent;
    private final long[] recentCompleted;
    /** Operations recorded per client; the ring slot is this modulo CONTEXT. */
    private final long[] recorded;
    private final Incident[] open;
    private final int[] quietLeft;
    private final List<Incident> incidents = new ArrayList<>();
    private long notKept;

    public IncidentTimeline(List<String> clientIds) {
        this.clientIds = List.copyOf(clientIds);
        int slots = clientIds.size() * CONTEXT;
        this.recentOp = new Operation[slots];
        this.recentStatus = new int[slots];
        this.recentScheduled = new long[slots];
        this.recentSent = new long[slots];
        this.recentCompleted = new long[slots];
        this.recorded = new long[clientIds.size()];
        this.open = new Incident[clientIds.size()];
        this.quietLeft = new int[clientIds.size()];
    }

    /** An operation of {@code client} completed; {@code mismatch}: not the status the workload expected. */
    public void completed(int client, Operation op, int status, boolean mismatch, long scheduledUs, long sentUs,
            long completedUs) {
        boolean incident = mismatch || KindMetrics.isError(status);
        Incident current = open[client];
        if (current != null) {
            current.ops().add(new Entry(op.opId(), op.kind(), status, scheduledUs, sentUs, completedUs));
            quietLeft[client] = incident ? CONTEXT : quietLeft[client] - 1;
            if (quietLeft[client] == 0 || current.ops().size() >= MAX_OPS_PER_INCIDENT) {
                open[client] = null;
            }
        } else if (incident) {
            Incident started = start(client, mismatch ? Cause.STATUS_MISMATCH : Cause.ERROR, op.opId(), completedUs);
            if (started != null) {
                started.ops().add(new Entry(op.opId(), op.kind(), status, scheduledUs, sentUs, completedUs));
            }
        }
        int slot = client * CONTEXT + (int) (recorded[client]++ % CONTEXT);
        recentOp[slot] = op;
        recentStatus[slot] = status;
        recentScheduled[slot] = scheduledUs;
        recentSent[slot] = sentUs;
        recentCompleted[slot] = completedUs;
    }

    /**
     * Something happened to {@code client} outside any operation (a break, a lost connection). An
     * incident still collecting operations for that client is closed early.
     */
    public void event(int client, Cause cause, long atUs) {
        start(client, cause, null, atUs);
    }

    private Incident start(int client, Cause cause, String opId, long atUs) {
        if (incidents.size() == MAX_INCIDENTS) {
            notKept++;
            return null;
        }
        Incident incident = new Incident(clientIds.get(client), cause, opId, atUs, new ArrayList<>());
        long available = Math.min(recorded[client], CONTEXT);
        for (long i = recorded[client] - available; i < recorded[client]; i++) {
            int slot = client * CONTEXT + (int) (i % CONTEXT);
            incident.ops().add(new Entry(recentOp[slot].opId(), recentOp[slot].kind(), recentStatus[slot],
                    recentScheduled[slot], recentSent[slot], recentCompleted[slot]));
        }
        incidents.add(incident);
        open[client] = incident;
        quietLeft[client] = CONTEXT;
        return incident;
    }

    /** The incidents kept, in the order they happened. Call after the replay. */
    public List<Incident> incidents() {
        return incidents.stream()
                .map(i -> new Incident(i.client(), i.cause(), i.opId(), i.atUs(), List.copyOf(i.ops())))
                .toList();
    }

    /** Incidents past {@link #MAX_INCIDENTS}, counted but not kept. */
    public long notKept() {
        return notKept;
    }
}
