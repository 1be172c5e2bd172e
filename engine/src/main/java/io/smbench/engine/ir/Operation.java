package io.smbench.engine.ir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One operation of a workload: the four fields every kind has, typed, and the whole JSON object
 * (kind-specific and unknown fields included) for the replay to read. Immutable: the JSON is
 * copied on the way in and out.
 */
public final class Operation {
  private final String opId;
  private final String clientId;
  private final long timestampUs;
  private final OperationKind kind;
  private final ObjectNode json;

  private Operation(String opId, String clientId, long timestampUs, OperationKind kind, ObjectNode json) {
    this.opId = opId;
    this.clientId = clientId;
    this.timestampUs = timestampUs;
    this.kind = kind;
    this.json = json;
  }

  /**
   * Builds an operation from its JSON object, checking only what every kind needs. Run {@link
   * WorkloadValidator} first to learn about everything else.
   *
   * @param json the operation object; copied
   * @param location where it is in the file, for the exception
   * @throws IrFormatException when op_id, client_id, timestamp_us or operation is missing or wrong
   */
  public static Operation of(JsonNode json, String location) {
    if (!(json instanceof ObjectNode object)) {
      throw new IrFormatException("an operation must be a JSON object", location);
    }
    String opId = requireText(object, "op_id", location);
    String clientId = requireText(object, "client_id", location);
    JsonNode ts = object.get("timestamp_us");
    if (ts == null || !ts.canConvertToLong() || !ts.isIntegralNumber() || ts.longValue() < 0) {
      throw new IrFormatException("op " + opId + ": 'timestamp_us' must be an integer >= 0", location);
    }
    String name = requireText(object, "operation", location);
    OperationKind kind = OperationKind.fromJson(name);
    if (kind == null) {
      throw new IrFormatException(
          "op " + opId + ": unknown operation '" + name + "'; accepted: " + OperationKind.acceptedNames(),
          location);
    }
    return new Operation(opId, clientId, ts.longValue(), kind, object.deepCopy());
  }

  private static String requireText(ObjectNode object, String field, String location) {
    JsonNode v = object.get(field);
    if (v == null || !v.isTextual()) {
      throw new IrFormatException("'" + field + "' must be a string", location);
    }
    return v.textValue();
  }

  /** @return {@code op_id}, unique in the workload */
  public String opId() {
    return opId;
  }

  /** @return {@code client_id}, one of the workload's declared clients */
  public String clientId() {
    return clientId;
  }

  /** @return {@code timestamp_us}, microseconds from the start of the replay */
  public long timestampUs() {
    return timestampUs;
  }

  /** @return {@code operation} */
  public OperationKind kind() {
    return kind;
  }

  /** @return a string field such as {@code path} or {@code handle_ref}, or null when absent */
  public String text(String field) {
    JsonNode v = json.get(field);
    return v != null && v.isTextual() ? v.textValue() : null;
  }

  /** @return an integer field such as {@code offset}, or {@code absent} when missing */
  public long number(String field, long absent) {
    JsonNode v = json.get(field);
    return v != null && v.isIntegralNumber() ? v.longValue() : absent;
  }

  /** @return a boolean field such as {@code exclusive}, or {@code absent} when missing */
  public boolean flag(String field, boolean absent) {
    JsonNode v = json.get(field);
    return v != null && v.isBoolean() ? v.booleanValue() : absent;
  }

  /** @return a copy of the whole operation object, unknown fields included */
  public ObjectNode toJson() {
    return json.deepCopy();
  }

  /** The JSON without copying, for the writer in this package. */
  ObjectNode json() {
    return json;
  }

  @Override
  public String toString() {
    return opId + " " + kind + " by " + clientId + " at " + timestampUs + "us";
  }
}
