package io.smbench.engine.ir;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a workload: the header's fields in their original order, unknown ones included, with
 * {@code operations} streamed in where it was. One operation per line, so workloads diff well
 * and stay greppable.
 *
 * <pre>{@code
 * try (WorkloadReader in = WorkloadReader.open(src);
 *      WorkloadWriter out = WorkloadWriter.create(dst, in.workload())) {
 *   for (Operation op = in.next(); op != null; op = in.next()) {
 *     out.write(op);
 *   }
 * }
 * }</pre>
 */
public final class WorkloadWriter implements Closeable {
  private final JsonGenerator out;
  private final Iterator<Map.Entry<String, JsonNode>> remainingHeader;

  private WorkloadWriter(JsonGenerator out, Iterator<Map.Entry<String, JsonNode>> remainingHeader) {
    this.out = out;
    this.remainingHeader = remainingHeader;
  }

  /**
   * Starts a workload file: writes the header fields that precede {@code operations} and opens
   * the array. Without an operations position (a header built from scratch), operations go last.
   */
  public static WorkloadWriter create(Path file, Workload header) {
    try {
      JsonGenerator gen = WorkloadReader.MAPPER.getFactory().createGenerator(file.toFile(),
          com.fasterxml.jackson.core.JsonEncoding.UTF8);
      gen.setPrettyPrinter(new OnePerLine());
      Iterator<Map.Entry<String, JsonNode>> fields = header.fields().properties().iterator();
      int before = header.operationsPosition() < 0 ? Integer.MAX_VALUE : header.operationsPosition();
      gen.writeStartObject();
      for (int i = 0; i < before && fields.hasNext(); i++) {
        Map.Entry<String, JsonNode> e = fields.next();
        gen.writeFieldName(e.getKey());
        gen.writeTree(e.getValue());
      }
      gen.writeFieldName("operations");
      gen.writeStartArray();
      return new WorkloadWriter(gen, fields);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Appends one operation, all its fields included. */
  public void write(Operation op) {
    try {
      out.writeTree(op.json());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes the operations array, writes the header fields that followed it, ends the file. */
  @Override
  public void close() {
    try (out) {
      out.writeEndArray();
      while (remainingHeader.hasNext()) {
        Map.Entry<String, JsonNode> e = remainingHeader.next();
        out.writeFieldName(e.getKey());
        out.writeTree(e.getValue());
      }
      out.writeEndObject();
      out.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compact JSON except that each top-level field and each operation starts a new line. */
  private static final class OnePerLine extends MinimalPrettyPrinter {
    private static final long serialVersionUID = 1L;

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(':');
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(g.getOutputContext().getParent().inRoot() ? ",\n" : ",");
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
      if (g.getOutputContext().getParent().inRoot()) {
        g.writeRaw('\n');
      }
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(isOperations(g) ? ",\n" : ",");
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
      if (isOperations(g)) {
        g.writeRaw('\n');
      }
    }

    private static boolean isOperations(JsonGenerator g) {
      var ctx = g.getOutputContext();
      return ctx.inArray() && ctx.getParent().inObject() && ctx.getParent().getParent().inRoot()
          && "operations".equals(ctx.getParent().getCurrentName());
    }
  }
}
