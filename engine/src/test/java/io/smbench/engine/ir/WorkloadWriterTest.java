package io.smbench.engine.ir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link WorkloadWriter}: read then write gives back the same JSON tree, unknown fields included. */
class WorkloadWriterTest {
  private static final String WITH_UNKNOWN_FIELDS = """
      {"version":1,"x_top":{"a":[1,2]},
       "metadata":{"source":"capture","x_meta":"kept","duration_seconds":10.0},
       "operations":[
        {"op_id":"o1","client_id":"c","timestamp_us":0,"operation":"Open","path":"/f","mode":"Read",
         "handle_ref":"h","x_op":null,"extensions":{"oplock_level":"None","x_ext":{"deep":true}}},
        {"op_id":"o2","client_id":"c","timestamp_us":5,"operation":"Close","handle_ref":"h","x_op":1.5}],
       "clients":[{"client_id":"c","x_client":"kept"}],
       "x_after":"kept too"}
      """;

  @TempDir Path dir;

  private Path roundTrip(Path in) {
    Path out = dir.resolve("out.json");
    try (WorkloadReader reader = WorkloadReader.open(in);
        WorkloadWriter writer = WorkloadWriter.create(out, reader.workload())) {
      for (Operation op = reader.next(); op != null; op = reader.next()) {
        writer.write(op);
      }
    }
    return out;
  }

  private static JsonNode tree(Path file) throws IOException {
    return WorkloadReader.MAPPER.readTree(file.toFile());
  }

  @Test
  void shouldKeepUnknownFieldsAtEveryLevel() throws IOException {
    Path in = Workloads.write(dir, "in.json", WITH_UNKNOWN_FIELDS);

    Path out = roundTrip(in);

    assertThat(tree(out)).isEqualTo(tree(in));
  }

  @Test
  void shouldKeepTopLevelFieldOrder() throws IOException {
    Path out = roundTrip(Workloads.write(dir, "in.json", WITH_UNKNOWN_FIELDS));

    List<String> names = new ArrayList<>();
    tree(out).fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("version", "x_top", "metadata", "operations", "clients", "x_after");
  }

  @Test
  void shouldRoundTripSeedDocument() throws IOException {
    Path in = Workloads.write(dir, "seed.json", Workloads.SEED);

    assertThat(tree(roundTrip(in))).isEqualTo(tree(in));
  }

  @Test
  void shouldWriteOneOperationPerLine() throws IOException {
    Path out = roundTrip(Workloads.write(dir, "seed.json", Workloads.SEED));

    assertThat(Files.readAllLines(out)).filteredOn(l -> l.startsWith("{\"op_id\"")).hasSize(3);
  }

  @Test
  void shouldPutOperationsAfterHeaderBuiltFromScratch() throws Exception {
    var fields = WorkloadReader.MAPPER.createObjectNode().put("version", 1);
    fields.putArray("clients").addObject().put("client_id", "c");
    Path out = dir.resolve("new.json");

    try (WorkloadWriter writer = WorkloadWriter.create(out, Workload.of(fields))) {
      writer.write(Operation.of(WorkloadReader.MAPPER.readTree(Workloads.op("o1", 0, "Mkdir",
          "\"path\":\"/d\"").replace("user001", "c")), null));
    }

    assertThat(WorkloadValidator.validate(out).errors()).isEmpty();
    List<String> names = new ArrayList<>();
    tree(out).fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("version", "clients", "operations");
  }
}
