package io.smbench.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProvisionPlanTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    @Test
    void shouldProvisionTheDirectoryTheOplockExampleAssumes() {
        ProvisionPlan plan = ProvisionPlan.of(EXAMPLES.resolve("oplock-break.json"));
        assertThat(plan.directories()).containsExactly("/shared");
        assertThat(plan.files()).as("A creates report.dat (OverwriteIf) before B opens it").isEmpty();
    }

    @Test
    void shouldProvisionNothingForAWorkloadThatCreatesEverything() {
        ProvisionPlan plan = ProvisionPlan.of(EXAMPLES.resolve("quickstart.json"));
        assertThat(plan.directories()).isEmpty();
        assertThat(plan.files()).isEmpty();
    }

    @Test
    void shouldSizeFilesThatAreOpenedWithoutBeingCreated(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path workload = dir.resolve("w.json");
        java.nio.file.Files.writeString(workload, """
                {"version":1,"metadata":{},"clients":[{"client_id":"c","operation_count":4}],"operations":[
                 {"op_id":"1","client_id":"c","timestamp_us":0,"operation":"Open","path":"/data/in/a.bin","mode":"Read","handle_ref":"h","extensions":{"create_disposition":"Open"}},
                 {"op_id":"2","client_id":"c","timestamp_us":1,"operation":"Read","handle_ref":"h","offset":4096,"length":8192},
                 {"op_id":"3","client_id":"c","timestamp_us":2,"operation":"Close","handle_ref":"h"},
                 {"op_id":"4","client_id":"c","timestamp_us":3,"operation":"Open","path":"/data/missing.bin","mode":"Read","handle_ref":"m","extensions":{"create_disposition":"Open"},"expected_status":"STATUS_OBJECT_NAME_NOT_FOUND"}]}
                """);
        ProvisionPlan plan = ProvisionPlan.of(workload);
        assertThat(plan.directories()).containsExactly("/data", "/data/in");
        assertThat(plan.files()).containsExactly(java.util.Map.entry("/data/in/a.bin", 12288L));
    }
}
