package io.smbench.engine.ir;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a workload contains, for the CLI to print after validating it.
 *
 * @param clientCount distinct clients, declared or used by an operation
 * @param operationCount elements in {@code operations}
 * @param operationsByKind operations per kind name, sorted by name, kinds with none left out
 * @param firstTimestampUs smallest {@code timestamp_us}, 0 when there are no operations
 * @param lastTimestampUs largest {@code timestamp_us}, 0 when there are no operations
 */
public record WorkloadSummary(
    int clientCount,
    long operationCount,
    Map<String, Long> operationsByKind,
    long firstTimestampUs,
    long lastTimestampUs) {

  /** Copies {@code operationsByKind} into a sorted, unmodifiable map. */
  public WorkloadSummary {
    operationsByKind = Collections.unmodifiableMap(new TreeMap<>(operationsByKind));
  }

  /** @return a few lines such as "operations: 3 (Close 1, Open 1, Write 1)" */
  public String format() {
    StringBuilder s = new StringBuilder();
    s.append("clients:    ").append(clientCount).append('\n');
    s.append("operations: ").append(operationCount);
    if (!operationsByKind.isEmpty()) {
      s.append(" (");
      String sep = "";
      for (Map.Entry<String, Long> e : operationsByKind.entrySet()) {
        s.append(sep).append(e.getKey()).append(' ').append(e.getValue());
        sep = ", ";
      }
      s.append(')');
    }
    s.append('\n');
    s.append("timestamps: ").append(firstTimestampUs).append(" us to ").append(lastTimestampUs)
        .append(" us (").append(String.format(java.util.Locale.ROOT, "%.3f",
            (lastTimestampUs - firstTimestampUs) / 1_000_000.0)).append(" s)\n");
    return s.toString();
  }
}
