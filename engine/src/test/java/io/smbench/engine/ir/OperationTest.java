package io.smbench.engine.ir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** {@link Operation}: typed common fields, immutability, refusal of what no replay can use. */
class OperationTest {

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) WorkloadReader.MAPPER.readTree(text);
  }

  @Test
  void shouldNotBeChangedThroughItsJson() throws Exception {
    ObjectNode source = json(Workloads.close("o1", 7, "h"));
    Operation op = Operation.of(source, null);

    source.put("handle_ref", "changed");
    op.toJson().put("handle_ref", "changed too");

    assertThat(op.text("handle_ref")).isEqualTo("h");
    assertThat(op.kind()).isEqualTo(OperationKind.Close);
    assertThat(op.timestampUs()).isEqualTo(7);
  }

  @Test
  void shouldRefuseNegativeTimestamp() throws Exception {
    assertThatThrownBy(() -> Operation.of(json(Workloads.close("o1", -1, "h")), "operations[0], line 2"))
        .isInstanceOf(IrFormatException.class)
        .hasMessage("operations[0], line 2: op o1: 'timestamp_us' must be an integer >= 0");
  }

  @Test
  void shouldReadOptionalFieldsWithDefaults() throws Exception {
    Operation op = Operation.of(json(Workloads.op("o1", 0, "Lock",
        "\"handle_ref\":\"h\",\"offset\":8,\"length\":4,\"exclusive\":false")), null);

    assertThat(op.flag("exclusive", true)).isFalse();
    assertThat(op.flag("fail_immediately", false)).isFalse();
    assertThat(op.number("offset", -1)).isEqualTo(8);
    assertThat(op.text("blob_path")).isNull();
  }
}
