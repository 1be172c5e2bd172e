package io.smbench.engine.ir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link WorkloadReader}: the seed parses as it is, field order, version refusal, malformed JSON. */
class WorkloadReaderTest {
  @TempDir Path dir;

  @Test
  void shouldParseSeedDocumentAsItIs() {
    Path file = Workloads.write(dir, "seed.json", Workloads.SEED);

    try (WorkloadReader reader = WorkloadReader.open(file)) {
      assertThat(reader.workload().version()).hasValue(1);
      assertThat(reader.workload().clientIds()).containsExactly("user001");
      assertThat(reader.workload().metadata().get("source").asText()).isEqualTo("manual");
      List<Operation> ops = new ArrayList<>();
      for (Operation op = reader.next(); op != null; op = reader.next()) {
        ops.add(op);
      }
      assertThat(ops).extracting(Operation::opId).containsExactly("op_001", "op_002", "op_003");
      assertThat(ops.get(0).kind()).isEqualTo(OperationKind.Open);
      assertThat(ops.get(0).toJson().at("/extensions/oplock_level").asText()).isEqualTo("Batch");
      assertThat(ops.get(1).number("length", -1)).isEqualTo(1024);
      assertThat(ops.get(1).text("blob_path")).isEqualTo("/tmp/data.bin");
      assertThat(ops.get(2).timestampUs()).isEqualTo(200_000);
      assertThat(reader.next()).isNull();
    }
  }

  @Test
  void shouldGiveCompleteHeaderWhenClientsFollowOperations() {
    Path file = Workloads.write(dir, "w.json", "{\"version\":1,\"operations\":[],"
        + "\"clients\":[{\"client_id\":\"late\"}]}");

    try (WorkloadReader reader = WorkloadReader.open(file)) {
      assertThat(reader.workload().clientIds()).containsExactly("late");
      assertThat(reader.workload().operationsPosition()).isEqualTo(1);
      assertThat(reader.next()).isNull();
    }
  }

  @Test
  void shouldRefuseLaterVersion() {
    Path file = Workloads.write(dir, "w.json", "{\"version\":2,\"clients\":[],\"operations\":[]}");

    assertThatThrownBy(() -> WorkloadReader.open(file))
        .isInstanceOf(IrFormatException.class)
        .hasMessage("line 1, column 2: unsupported IR version 2; this smbench reads version 1 only"
            + " (a newer smbench may read it)");
  }

  @Test
  void shouldRefuseMissingVersion() {
    Path file = Workloads.write(dir, "w.json", "{\"clients\":[],\"operations\":[]}");

    assertThatThrownBy(() -> WorkloadReader.open(file))
        .isInstanceOf(IrFormatException.class)
        .hasMessage("missing 'version'; this smbench reads IR version 1");
  }

  @Test
  void shouldReportMalformedJsonWithLocationNotStackTrace() {
    Path file = Workloads.write(dir, "w.json", "{\"version\":1,\n  \"clients\": [,]}");

    assertThatThrownBy(() -> WorkloadReader.open(file))
        .isInstanceOf(IrFormatException.class)
        .satisfies(e -> assertThat(((IrFormatException) e).location()).isEqualTo("line 2, column 15"))
        .hasMessageContaining("malformed JSON: Unexpected character (','");
  }

  @Test
  void shouldRejectOperationOfUnknownKindWhenReadingForReplay() {
    Path file = Workloads.write(dir, "w.json", Workloads.withOps(Workloads.op("x1", 0, "Zap", "")));

    try (WorkloadReader reader = WorkloadReader.open(file)) {
      assertThatThrownBy(reader::next)
          .isInstanceOf(IrFormatException.class)
          .hasMessageStartingWith("operations[0], line 3: op x1: unknown operation 'Zap'; accepted: Open,");
    }
  }

  @Test
  void shouldVisitOperationsInFileOrder() {
    Path file = Workloads.write(dir, "seed.json", Workloads.SEED);
    List<OperationKind> kinds = new ArrayList<>();

    try (WorkloadReader reader = WorkloadReader.open(file)) {
      reader.forEachOperation(op -> kinds.add(op.kind()));
    }

    assertThat(kinds).containsExactly(OperationKind.Open, OperationKind.Write, OperationKind.Close);
  }
}
