package io.smbench.benchmarks;

import io.smbench.engine.ir.ValidationReport;
import io.smbench.engine.ir.WorkloadValidator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Time to validate a workload of a million operations, the size of a few minutes' capture of a
 * busy share. One validation is one shot: what a user waits for after {@code smbench validate}.
 * The fork's heap is capped well below the file size to show that memory does not grow with the
 * number of operations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class IrValidateBenchmark {
  private static final int CLIENTS = 100;

  @Param("1000000")
  public int operations;

  private Path dir;
  private Path workload;

  /** Writes the workload once per trial: 100 clients cycling Open, Write, Read, Close. */
  @Setup(Level.Trial)
  public void writeWorkload() throws IOException {
    dir = Files.createTempDirectory("smbench-ir-bench");
    workload = dir.resolve("workload.json");
    try (BufferedWriter out = Files.newBufferedWriter(workload, StandardCharsets.UTF_8)) {
      out.write("{\"version\":1,\"metadata\":{\"source\":\"benchmark\"},\"clients\":[");
      for (int c = 0; c < CLIENTS; c++) {
        out.write((c == 0 ? "" : ",") + "{\"client_id\":\"c" + c + "\"}");
      }
      out.write("],\"operations\":[\n");
      for (int i = 0; i < operations; i++) {
        out.write(i == 0 ? "" : ",\n");
        out.write(operation(i));
      }
      out.write("\n]}\n");
    }
    ValidationReport report = WorkloadValidator.validate(workload);
    if (!report.isValid() || report.summary().operationCount() != operations) {
      throw new IllegalStateException("generated workload is not valid: " + report.errors().get(0));
    }
  }

  private static String operation(int i) {
    int client = i % CLIENTS;
    int step = i / CLIENTS;
    String handle = "h" + (step / 4);
    String head = "{\"op_id\":\"op_" + i + "\",\"client_id\":\"c" + client + "\",\"timestamp_us\":"
        + (long) step * 1000 + ",\"operation\":";
    return switch (step % 4) {
      case 0 -> head + "\"Open\",\"path\":\"/c" + client + "/f" + (step / 4) % 50
          + ".dat\",\"mode\":\"ReadWrite\",\"handle_ref\":\"" + handle
          + "\",\"extensions\":{\"oplock_level\":\"Batch\",\"create_disposition\":\"OpenIf\"}}";
      case 1 -> head + "\"Write\",\"handle_ref\":\"" + handle + "\",\"offset\":0,\"length\":65536}";
      case 2 -> head + "\"Read\",\"handle_ref\":\"" + handle + "\",\"offset\":0,\"length\":65536,"
          + "\"expected_status\":\"STATUS_SUCCESS\"}";
      default -> head + "\"Close\",\"handle_ref\":\"" + handle + "\"}";
    };
  }

  /** Deletes the generated workload. */
  @TearDown(Level.Trial)
  public void deleteWorkload() throws IOException {
    Files.deleteIfExists(workload);
    Files.deleteIfExists(dir);
  }

  /** One full validation of the million-operation file. */
  @Benchmark
  public ValidationReport validate() {
    return WorkloadValidator.validate(workload);
  }
}
