package io.smbench.engine.ir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The header of a workload: every top-level field except {@code operations} ({@code version},
 * {@code metadata}, {@code clients} and any field a later tool added), in file order. Operations
 * are streamed separately by {@link WorkloadReader}. Immutable: accessors hand out copies.
 */
public final class Workload {
  /** The only IR version this code reads and writes. */
  public static final int SUPPORTED_VERSION = 1;

  private final ObjectNode fields;
  private final int operationsPosition;
  private final Map<String, String> locations;

  Workload(ObjectNode fields, int operationsPosition, Map<String, String> locations) {
    this.fields = fields;
    this.operationsPosition = operationsPosition;
    this.locations = Collections.unmodifiableMap(locations);
  }

  /**
   * Builds a header from scratch, e.g. in a capture converter; {@link WorkloadWriter} then puts
   * {@code operations} after its fields.
   *
   * @param fields top-level fields; copied, and any {@code operations} in it is dropped
   */
  public static Workload of(ObjectNode fields) {
    ObjectNode copy = fields.deepCopy();
    copy.remove("operations");
    return new Workload(copy, -1, new java.util.HashMap<>());
  }

  /** @return {@code version} when it is an integer, empty when missing or of another type */
  public OptionalInt version() {
    JsonNode v = fields.get("version");
    return v != null && v.canConvertToInt() && v.isIntegralNumber()
        ? OptionalInt.of(v.intValue())
        : OptionalInt.empty();
  }

  /** @return a copy of {@code metadata}, or an empty object when absent */
  public ObjectNode metadata() {
    JsonNode m = fields.get("metadata");
    return m instanceof ObjectNode o ? o.deepCopy() : fields.objectNode();
  }

  /** @return the declared {@code clients[].client_id} values that are strings, in file order */
  public List<String> clientIds() {
    List<String> ids = new ArrayList<>();
    JsonNode clients = fields.get("clients");
    if (clients != null && clients.isArray()) {
      for (JsonNode c : clients) {
        JsonNode id = c.get("client_id");
        if (id != null && id.isTextual()) {
          ids.add(id.textValue());
        }
      }
    }
    return ids;
  }

  /** @return a copy of all header fields, unknown ones included, in file order */
  public ObjectNode fields() {
    return fields.deepCopy();
  }

  /** @return one header field as read (not a copy: package code only), or null */
  JsonNode field(String name) {
    return fields.get(name);
  }

  /**
   * @return how many header fields preceded {@code operations} in the file, so a writer can put
   *     it back in place; -1 when the file had no {@code operations}
   */
  public int operationsPosition() {
    return operationsPosition;
  }

  /** @return "line L, column C" of a top-level field, or null when unknown */
  public String locationOf(String field) {
    return locations.get(field);
  }
}
