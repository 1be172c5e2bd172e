package io.smbench.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smbench.engine.ir.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentTimelineTest {
    private static final int DENIED = 0xC0000022;

    private static Operation op(int i) {
        return Operation.of(new ObjectMapper().createObjectNode().put("op_id", "op" + i).put("client_id", "A")
                .put("timestamp_us", i).put("operation", "Mkdir").put("path", "/d" + i), "op" + i);
    }

    @Test
    void shouldRecordNothingWhenNothingGoesWrong() {
        IncidentTimeline timeline = new IncidentTimeline(List.of("A"));
        for (int i = 0; i < 100; i++) {
            timeline.completed(0, op(i), 0, false, i, i, i + 1);
        }
        assertThat(timeline.incidents()).isEmpty();
        assertThat(timeline.notKept()).isZero();
    }

    @Test
    void shouldKeepAnIncidentOpenWhileErrorsFollowEachOther() {
        IncidentTimeline timeline = new IncidentTimeline(List.of("A"));
        for (int i = 0; i < 30; i++) {
            boolean fails = i == 2 || i == 5 || i == 9;
            timeline.completed(0, op(i), fails ? DENIED : 0, false, i, i, i + 1);
        }
        assertThat(timeline.incidents()).singleElement().satisfies(incident -> {
            assertThat(incident.opId()).isEqualTo("op2");
            assertThat(incident.ops()).extracting(IncidentTimeline.Entry::opId).as("op0 and op1 before, up to "
                    + "five quiet ones after the last error").containsExactly("op0", "op1", "op2", "op3", "op4",
                    "op5", "op6", "op7", "op8", "op9", "op10", "op11", "op12", "op13", "op14");
        });
    }

    @Test
    void shouldCallAMismatchByItsNameEvenOnSuccess() {
        IncidentTimeline timeline = new IncidentTimeline(List.of("A"));
        timeline.completed(0, op(0), 0, true, 0, 0, 1);
        assertThat(timeline.incidents()).singleElement()
                .satisfies(i -> assertThat(i.cause()).isEqualTo(IncidentTimeline.Cause.STATUS_MISMATCH));
    }

    @Test
    void shouldBoundWhatAFailingRunKeeps() {
        IncidentTimeline timeline = new IncidentTimeline(List.of("A"));
        int ops = 20_000;
        for (int i = 0; i < ops; i++) {
            timeline.completed(0, op(i), DENIED, false, i, i, i + 1);
        }
        List<IncidentTimeline.Incident> incidents = timeline.incidents();
        assertThat(incidents).hasSize(IncidentTimeline.MAX_INCIDENTS);
        assertThat(incidents).allSatisfy(i -> assertThat(i.ops()).hasSizeLessThanOrEqualTo(
                IncidentTimeline.MAX_OPS_PER_INCIDENT + IncidentTimeline.CONTEXT));
        assertThat(timeline.notKept()).isPositive();
    }
}
