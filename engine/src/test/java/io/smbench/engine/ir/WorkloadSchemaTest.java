package io.smbench.engine.ir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Keeps {@code docs/workload-ir.schema.json} honest against the examples and the seed. */
class WorkloadSchemaTest {
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    JsonNode node = WorkloadReader.MAPPER.readTree(Path.of("../docs/workload-ir.schema.json").toFile());
    schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
  }

  private static Set<ValidationMessage> check(String json) throws IOException {
    return schema.validate(WorkloadReader.MAPPER.readTree(json));
  }

  static java.util.List<Path> examples() throws IOException {
    return ExamplesTest.exampleFiles();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void shouldAcceptEveryExample(Path example) throws IOException {
    assertThat(schema.validate(WorkloadReader.MAPPER.readTree(example.toFile()))).isEmpty();
  }

  @Test
  void shouldFindTheThreeExamples() throws IOException {
    assertThat(examples()).extracting(p -> p.getFileName().toString())
        .contains("quickstart.json", "oplock-break.json", "load-mix-100.json");
  }

  @Test
  void shouldAcceptSeedDocument() throws IOException {
    assertThat(check(Workloads.SEED)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // offset as a string
      "{\"version\":1,\"clients\":[],\"operations\":[{\"op_id\":\"a\",\"client_id\":\"c\",\"timestamp_us\":0,"
          + "\"operation\":\"Read\",\"handle_ref\":\"h\",\"offset\":\"0\",\"length\":1}]}",
      // unknown operation
      "{\"version\":1,\"clients\":[],\"operations\":[{\"op_id\":\"a\",\"client_id\":\"c\",\"timestamp_us\":0,"
          + "\"operation\":\"Zap\"}]}",
      // Open without mode
      "{\"version\":1,\"clients\":[],\"operations\":[{\"op_id\":\"a\",\"client_id\":\"c\",\"timestamp_us\":0,"
          + "\"operation\":\"Open\",\"path\":\"/f\",\"handle_ref\":\"h\"}]}",
      // bad oplock level
      "{\"version\":1,\"clients\":[],\"operations\":[{\"op_id\":\"a\",\"client_id\":\"c\",\"timestamp_us\":0,"
          + "\"operation\":\"Open\",\"path\":\"/f\",\"mode\":\"Read\",\"handle_ref\":\"h\","
          + "\"extensions\":{\"oplock_level\":\"Level2\"}}]}",
      // later version
      "{\"version\":2,\"clients\":[],\"operations\":[]}",
      // missing version
      "{\"clients\":[],\"operations\":[]}",
      // unknown status name
      "{\"version\":1,\"clients\":[],\"operations\":[{\"op_id\":\"a\",\"client_id\":\"c\",\"timestamp_us\":0,"
          + "\"operation\":\"Mkdir\",\"path\":\"/d\",\"expected_status\":\"STATUS_NOPE\"}]}"})
  void shouldRejectBrokenDocuments(String json) throws IOException {
    assertThat(check(json)).isNotEmpty();
  }
}
