package io.smbench.engine.metrics;

import io.smbench.engine.ir.Operation;
import io.smbench.engine.sched.ReplayPlan;
import io.smbench.smb.mserref.NtStatus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Every operation's times in a replay, for comparing the replay's timeline with the capture's
 * ({@code smbench report timing}). Opt-in ({@code --op-log}): it holds three longs and an int per
 * operation, preallocated, so recording is two array stores on the scheduler's thread.
 *
 * <p>Written as CSV, one row per operation in plan order: {@code client_id, op_id, kind,
 * captured_us} (the workload's timestamp_us), {@code captured_latency_us} (the capture's response
 * time, when the compiler recorded it, else empty), {@code scheduled_us, sent_us, completed_us}
 * (from the replay's start; empty for an operation that never ran) and {@code status}.
 */
public final class OperationLog {
    public static final String HEADER = "client_id,op_id,kind,captured_us,captured_latency_us,scheduled_us,sent_us,"
            + "completed_us,status";
    private static final long NOT_RUN = Long.MIN_VALUE;

    private final ReplayPlan plan;
    private final long[][] scheduledUs;
    private final long[][] sentUs;
    private final long[][] completedUs;
    private final int[][] status;

    public OperationLog(ReplayPlan plan) {
        this.plan = plan;
        int clients = plan.clientCount();
        scheduledUs = new long[clients][];
        sentUs = new long[clients][];
        completedUs = new long[clients][];
        status = new int[clients][];
        for (int c = 0; c < clients; c++) {
            int ops = plan.operationCount(c);
            scheduledUs[c] = new long[ops];
            sentUs[c] = new long[ops];
            completedUs[c] = new long[ops];
            status[c] = new int[ops];
            Arrays.fill(sentUs[c], NOT_RUN);
        }
    }

    /** Times in microseconds from the replay's start. */
    public void record(int client, int op, long scheduled, long sent, long completed, int ntStatus) {
        scheduledUs[client][op] = scheduled;
        sentUs[client][op] = sent;
        completedUs[client][op] = completed;
        status[client][op] = ntStatus;
    }

    public void write(Path csv) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.newLine();
            for (int c = 0; c < plan.clientCount(); c++) {
                for (int o = 0; o < plan.operationCount(c); o++) {
                    Operation op = plan.operation(c, o);
                    long latency = op.number("captured_latency_us", -1);
                    boolean ran = sentUs[c][o] != NOT_RUN;
                    out.write(String.join(",", csvField(plan.clientIds().get(c)), csvField(op.opId()),
                            op.kind().name(), Long.toString(op.timestampUs()), latency < 0 ? "" : Long.toString(latency),
                            ran ? Long.toString(scheduledUs[c][o]) : "", ran ? Long.toString(sentUs[c][o]) : "",
                            ran ? Long.toString(completedUs[c][o]) : "", ran ? NtStatus.describe(status[c][o]) : ""));
                    out.newLine();
                }
            }
        }
    }

    /** RFC 4180 quoting for ids that come from captures. */
    static String csvField(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
