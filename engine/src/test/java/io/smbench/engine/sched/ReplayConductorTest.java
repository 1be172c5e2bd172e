package io.smbench.engine.sched;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smbench.engine.ir.Operation;
import io.smbench.engine.ir.OperationKind;
import io.smbench.engine.metrics.IncidentTimeline;
import io.smbench.engine.metrics.ReplayMetrics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agrona.concurrent.CachedNanoClock;
import org.junit.jupiter.api.Test;

/** The scheduler's rules, with time advanced by the test. */
class ReplayConductorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MICROS = 1_000;
    /** The timer wheel's tick: a due operation is issued within one tick. */
    private static final long TICK = 1 << 14;

    private final CachedNanoClock clock = new CachedNanoClock();
    private final ManualBackend backend = new ManualBackend(clock);
    private ReplayConductor conductor;
    private ReplayMetrics metrics;

    private static Operation op(String id, String client, long timestampUs, String expected) {
        ObjectNode node = JSON.createObjectNode().put("op_id", id).put("client_id", client).put("timestamp_us", timestampUs)
                .put("operation", "Mkdir").put("path", "/" + id);
        if (expected != null) {
            node.put("expected_status", expected);
        }
        return Operation.of(node, id);
    }

    private void start(ReplayOptions options, Operation... ops) {
        Map<String, List<Operation>> byClient = new LinkedHashMap<>();
        for (Operation op : ops) {
            byClient.computeIfAbsent(op.clientId(), c -> new java.util.ArrayList<>()).add(op);
        }
        clock.update(1_000_000_000L);
        metrics = new ReplayMetrics(Duration.ofMillis(1).toNanos());
        conductor = new ReplayConductor(ReplayPlan.of(byClient), backend, options, clock, metrics);
        conductor.onStart();
        conductor.doWork();
    }

    private void advanceTo(long sinceStartNanos) {
        clock.update(1_000_000_000L + sinceStartNanos);
        conductor.doWork();
        conductor.doWork();
    }

    private static ReplayOptions options(double scale, boolean fast, int maxInFlight) {
        return new ReplayOptions(scale, fast, maxInFlight, "backoff", Duration.ofMillis(1), Duration.ofSeconds(1));
    }

    @Test
    void shouldKeepEachClientInOrderEvenWhenLaterOpsAreDue() {
        start(options(1, false, 0), op("a1", "A", 0, null), op("a2", "A", 10, null), op("b1", "B", 0, null));
        assertThat(backend.issuedIds()).containsExactly("a1", "b1");
        advanceTo(5_000 * MICROS);
        assertThat(backend.issuedIds()).as("a2 is due but a1 has not completed").containsExactly("a1", "b1");
        backend.complete("a1", 0);
        advanceTo(5_001 * MICROS);
        assertThat(backend.issuedIds()).containsExactly("a1", "b1", "a2");
        assertThat(conductor.orderViolations()).isZero();
    }

    @Test
    void shouldNeverIssueBeforeTheScheduledTime() {
        start(options(1, false, 0), op("a1", "A", 0, null), op("a2", "A", 1_000, null));
        backend.complete("a1", 0);
        advanceTo(999 * MICROS - TICK);
        assertThat(backend.issuedIds()).containsExactly("a1");
        advanceTo(1_000 * MICROS + TICK);
        assertThat(backend.issuedIds()).containsExactly("a1", "a2");
        long issuedAt = backend.issued.get(1).atNanos() - 1_000_000_000L;
        assertThat(issuedAt).isGreaterThanOrEqualTo(1_000 * MICROS).isLessThanOrEqualTo(1_000 * MICROS + 2 * TICK);
    }

    @Test
    void shouldScaleTimestamps() {
        start(options(0.5, false, 0), op("a1", "A", 0, null), op("a2", "A", 10_000, null));
        backend.complete("a1", 0);
        advanceTo(5_000 * MICROS + TICK);
        assertThat(backend.issuedIds()).as("10 ms at time scale 0.5 is due at 5 ms").containsExactly("a1", "a2");
    }

    @Test
    void shouldIgnoreTimestampsAsFastAsPossibleButKeepOrder() {
        start(options(1, true, 0), op("a1", "A", 0, null), op("a2", "A", 60_000_000, null));
        backend.complete("a1", 0);
        advanceTo(1);
        assertThat(backend.issuedIds()).containsExactly("a1", "a2");
    }

    @Test
    void shouldBoundOperationsInFlight() {
        start(options(1, false, 1), op("a1", "A", 0, null), op("b1", "B", 0, null), op("c1", "C", 0, null));
        assertThat(backend.issuedIds()).containsExactly("a1");
        backend.complete("a1", 0);
        advanceTo(10);
        assertThat(backend.issuedIds()).containsExactly("a1", "b1");
        backend.complete("b1", 0);
        advanceTo(20);
        assertThat(backend.issuedIds()).containsExactly("a1", "b1", "c1");
    }

    @Test
    void shouldChargeAStalledServerToTheOperationsItDelayed() {
        // a2 is due at 1 ms but a1 takes 5 ms: a2's latency from its scheduled time includes the 4 ms wait.
        start(options(1, false, 0), op("a1", "A", 0, null), op("a2", "A", 1_000, null));
        advanceTo(5_000 * MICROS);
        backend.complete("a1", 0);
        advanceTo(5_000 * MICROS + 1);
        advanceTo(5_100 * MICROS);
        backend.complete("a2", 0);
        advanceTo(5_100 * MICROS + 1);
        var mkdir = metrics.kind(OperationKind.Mkdir);
        assertThat(mkdir.count()).isEqualTo(2);
        assertThat(mkdir.latencyFromScheduled().getCountBetweenValues(4_050, 4_150))
                .as("a2 from its scheduled time (1 ms) to completion (5.1 ms)").isEqualTo(1);
        assertThat(mkdir.latency().getCountBetweenValues(90, 110)).as("a2 from its actual send: 0.1 ms").isEqualTo(1);
        assertThat(metrics.lateness().getMaxValue()).as("a2 was issued 4 ms late").isBetween(3_950L, 4_050L);
        assertThat(metrics.lateOverThreshold()).isEqualTo(1);
    }

    @Test
    void shouldReportExpectedStatusMismatchWithOpId() {
        start(options(1, false, 0), op("op_042", "A", 0, "STATUS_SUCCESS"), op("op_043", "A", 0, "0xC0000043"));
        backend.complete("op_042", 0xC0000043);
        advanceTo(1);
        backend.complete("op_043", 0xC0000043);
        advanceTo(2);
        assertThat(conductor.statusMismatches()).containsExactly(
                "op_042: server answered STATUS_SHARING_VIOLATION where the workload expected STATUS_SUCCESS");
        assertThat(metrics.kind(OperationKind.Mkdir).errors()).isEqualTo(2);
        assertThat(conductor.isDone()).isTrue();
    }

    @Test
    void shouldStopSchedulingAndListWhatWasNeverAnswered() {
        start(options(1, false, 0), op("a1", "A", 0, null), op("a2", "A", 10, null), op("b1", "B", 0, null));
        backend.complete("b1", 0);
        conductor.requestStop("interrupted");
        advanceTo(1);
        advanceTo(Duration.ofSeconds(2).toNanos());
        assertThat(conductor.isDone()).isTrue();
        assertThat(conductor.unanswered()).containsExactly("a1");
        assertThat(conductor.completed()).isEqualTo(1);
        assertThat(backend.issuedIds()).doesNotContain("a2");
        assertThat(conductor.stopReason()).contains("interrupted");
    }

    @Test
    void shouldKeepTheOperationsAroundAnErrorForTheTimeline() {
        Operation[] ops = new Operation[14];
        for (int i = 0; i < ops.length; i++) {
            ops[i] = op("a" + i, "A", 0, null);
        }
        start(options(1, true, 0), ops);
        for (int i = 0; i < ops.length; i++) {
            advanceTo((i + 1) * 10 * MICROS);
            backend.complete("a" + i, i == 7 ? 0xC0000022 : 0);
            advanceTo((i + 1) * 10 * MICROS + 5 * MICROS);
        }
        List<IncidentTimeline.Incident> incidents = conductor.incidents().incidents();
        assertThat(incidents).hasSize(1);
        IncidentTimeline.Incident incident = incidents.get(0);
        assertThat(incident.client()).isEqualTo("A");
        assertThat(incident.cause()).isEqualTo(IncidentTimeline.Cause.ERROR);
        assertThat(incident.opId()).isEqualTo("a7");
        assertThat(incident.ops()).extracting(IncidentTimeline.Entry::opId)
                .as("five before, the failed one, five after")
                .containsExactly("a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11", "a12");
        IncidentTimeline.Entry failed = incident.ops().get(5);
        assertThat(failed.status()).isEqualTo(0xC0000022);
        assertThat(failed.completedUs()).isEqualTo(80).isEqualTo(incident.atUs());
        assertThat(failed.sentUs()).isEqualTo(75);
    }

    @Test
    void shouldOpenAnIncidentForABreakBetweenOperations() {
        start(options(1, true, 0), op("a1", "A", 0, null), op("a2", "A", 0, null), op("b1", "B", 0, null));
        backend.complete("a1", 0);
        advanceTo(10 * MICROS);
        backend.event(1, io.smbench.engine.backend.CompletionSink.EVENT_OPLOCK_BREAK);
        advanceTo(20 * MICROS);
        backend.complete("a2", 0);
        backend.complete("b1", 0);
        advanceTo(30 * MICROS);
        List<IncidentTimeline.Incident> incidents = conductor.incidents().incidents();
        assertThat(incidents).singleElement().satisfies(incident -> {
            assertThat(incident.client()).isEqualTo("B");
            assertThat(incident.cause()).isEqualTo(IncidentTimeline.Cause.OPLOCK_BREAK);
            assertThat(incident.opId()).isNull();
            assertThat(incident.atUs()).as("when the backend reported it").isEqualTo(10);
            assertThat(incident.ops()).extracting(IncidentTimeline.Entry::opId).containsExactly("b1");
        });
        assertThat(conductor.orderViolations()).isZero();
    }
}
