package io.smbench.engine.sched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplayPlanTest {
    private static final ReplayPlan QUICKSTART = ReplayPlan.load(Path.of("..", "examples", "quickstart.json"));

    @Test
    void shouldLoadClientsAndOperationsInOrder() {
        assertThat(QUICKSTART.clientIds()).containsExactly("alice");
        assertThat(QUICKSTART.operationCount(0)).isEqualTo(10);
        assertThat(QUICKSTART.operation(0, 0).opId()).isEqualTo("qs_01");
    }

    @Test
    void shouldScaleIntoIndependentUsersUnderTheirOwnPrefixes() {
        ReplayPlan scaled = QUICKSTART.scaled(3, "/u{n}", Duration.ofMillis(300));
        assertThat(scaled.clientIds()).containsExactly("alice@1", "alice@2", "alice@3");
        assertThat(scaled.totalOperations()).isEqualTo(30);
        var rename = scaled.operation(2, 6);
        assertThat(rename.opId()).isEqualTo("qs_07@3");
        assertThat(rename.text("path")).isEqualTo("/u3/quickstart/notes.txt");
        assertThat(rename.text("new_path")).isEqualTo("/u3/quickstart/notes-old.txt");
        assertThat(scaled.operation(0, 0).timestampUs()).isZero();
        assertThat(scaled.operation(1, 0).timestampUs()).as("ramp-up spreads starts").isEqualTo(100_000);
        assertThat(scaled.operation(2, 9).timestampUs()).isEqualTo(200_000 + 90_000);
        assertThat(ReplayPlan.scalePrefixes(2, "/load/{n}")).containsExactly("/load/1", "/load/2");
    }

    @Test
    void shouldRefuseTemplateWithoutPlaceholder() {
        assertThatThrownBy(() -> QUICKSTART.scaled(2, "/users", Duration.ZERO)).hasMessageContaining("{n}");
    }
}
