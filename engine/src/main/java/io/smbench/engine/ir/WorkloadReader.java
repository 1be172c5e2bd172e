package io.smbench.engine.ir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Streams a workload file: first its header ({@link #workload()}), then its operations one at a
 * time ({@link #next()}), so memory does not grow with the number of operations.
 *
 * <p>JSON objects are unordered, so {@code clients} may follow {@code operations}. To still hand
 * out a complete header first, opening the reader scans the file once with the operations array
 * skipped token by token (no tree is built for it), then a second parser streams the operations.
 * Tokenizing twice costs far less than building operations, and keeps the replay's view simple.
 */
public final class WorkloadReader implements Closeable {
  static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  private static final java.util.regex.Pattern SOURCE_IN_MESSAGE =
      java.util.regex.Pattern.compile("\\[Source: [^;]*; ");

  private final Path file;
  private final Workload workload;
  private JsonParser operations;
  private int nextIndex;
  private boolean exhausted;

  private WorkloadReader(Path file, Workload workload) {
    this.file = file;
    this.workload = workload;
    this.exhausted = workload.operationsPosition() < 0;
  }

  /**
   * Opens a workload for replay: reads the header and refuses versions this code does not know.
   *
   * @throws IrFormatException when the JSON is malformed or {@code version} is missing or not 1
   * @throws UncheckedIOException when the file cannot be read
   */
  public static WorkloadReader open(Path file) {
    WorkloadReader reader = openUnchecked(file);
    OptionalInt version = reader.workload.version();
    if (reader.workload.field("version") == null) {
      throw new IrFormatException("missing 'version'; this smbench reads IR version 1", null);
    }
    if (version.isEmpty() || version.getAsInt() != Workload.SUPPORTED_VERSION) {
      throw new IrFormatException(unsupportedVersion(reader.workload.field("version")),
          reader.workload.locationOf("version"));
    }
    return reader;
  }

  static String unsupportedVersion(JsonNode version) {
    return "unsupported IR version " + version + "; this smbench reads version "
        + Workload.SUPPORTED_VERSION + " only (a newer smbench may read it)";
  }

  /** Opens without judging {@code version}, for the validator to report it with everything else. */
  static WorkloadReader openUnchecked(Path file) {
    return new WorkloadReader(file, readHeader(file));
  }

  /** @return the header; complete even when {@code clients} follows {@code operations} */
  public Workload workload() {
    return workload;
  }

  /**
   * @return the next operation, or null after the last
   * @throws IrFormatException when an operation lacks what every kind needs
   */
  public Operation next() {
    RawOperation raw = nextRaw();
    return raw == null ? null : Operation.of(raw.json(), raw.location());
  }

  /**
   * Visits the remaining operations in file order: the push form of {@link #next()}.
   *
   * @throws IrFormatException when an operation lacks what every kind needs
   */
  public void forEachOperation(java.util.function.Consumer<? super Operation> visitor) {
    for (Operation op = next(); op != null; op = next()) {
      visitor.accept(op);
    }
  }

  /** @return the next element of {@code operations} whatever its shape, or null after the last */
  RawOperation nextRaw() {
    if (exhausted) {
      return null;
    }
    try {
      if (operations == null) {
        operations = positionAtOperations();
      }
      JsonToken token = operations.nextToken();
      if (token == JsonToken.END_ARRAY || token == null) {
        exhausted = true;
        return null;
      }
      JsonLocation at = operations.currentTokenLocation();
      JsonNode json = MAPPER.readTree(operations);
      return new RawOperation(nextIndex++, at.getLineNr(), at.getColumnNr(), json);
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private JsonParser positionAtOperations() throws IOException {
    JsonParser p = MAPPER.getFactory().createParser(file.toFile());
    p.nextToken();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      boolean isOperations = "operations".equals(p.currentName());
      JsonToken value = p.nextToken();
      if (isOperations && value == JsonToken.START_ARRAY) {
        return p;
      }
      p.skipChildren();
    }
    p.close();
    throw new IllegalStateException("operations array vanished from " + file);
  }

  private static Workload readHeader(Path file) {
    ObjectNode fields = MAPPER.createObjectNode();
    Map<String, String> locations = new HashMap<>();
    int operationsPosition = -1;
    try (JsonParser p = MAPPER.getFactory().createParser(file.toFile())) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new IrFormatException("a workload must be a JSON object",
            first == null ? null : location(p.currentTokenLocation()));
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        locations.put(name, location(p.currentTokenLocation()));
        JsonToken value = p.nextToken();
        if ("operations".equals(name) && value == JsonToken.START_ARRAY) {
          operationsPosition = fields.size();
          p.skipChildren();
        } else if ("operations".equals(name)) {
          throw new IrFormatException("'operations' must be an array, was " + value.asString(),
              locations.get(name));
        } else {
          fields.set(name, MAPPER.readTree(p));
        }
      }
      if (p.nextToken() != null) {
        throw new IrFormatException("unexpected content after the workload object",
            location(p.currentTokenLocation()));
      }
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return new Workload(fields, operationsPosition, locations);
  }

  private static IrFormatException malformed(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    // Jackson names the source inside nested locations; the file is already known to the reader.
    String reason = SOURCE_IN_MESSAGE.matcher(e.getOriginalMessage()).replaceAll("[");
    return new IrFormatException("malformed JSON: " + reason, at == null ? null : location(at));
  }

  private static String location(JsonLocation at) {
    return IrFormatException.lineColumn(at.getLineNr(), at.getColumnNr());
  }

  @Override
  public void close() {
    if (operations != null) {
      try {
        operations.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
