package io.smbench.engine.ir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test documents: the seed workload from the issue and a helper to wrap operations. */
final class Workloads {
  /** The document users already have; it must keep parsing as it is. */
  static final String SEED = """
      {"version":1,"metadata":{"source":"manual","duration_seconds":10.0,"client_count":2},
       "clients":[{"client_id":"user001","operation_count":3}],
       "operations":[
        {"op_id":"op_001","client_id":"user001","timestamp_us":0,"operation":"Open","path":"/testfile.txt","mode":"Write","handle_ref":"h_1","extensions":{"oplock_level":"Batch","create_disposition":"OpenIf"}},
        {"op_id":"op_002","client_id":"user001","timestamp_us":100000,"operation":"Write","handle_ref":"h_1","offset":0,"length":1024,"blob_path":"/tmp/data.bin"},
        {"op_id":"op_003","client_id":"user001","timestamp_us":200000,"operation":"Close","handle_ref":"h_1"}]}
      """;

  private Workloads() {}

  /** @return a v1 workload with clients user001 and user002 and the given operations, one per line */
  static String withOps(String... ops) {
    return "{\"version\":1,\"clients\":[{\"client_id\":\"user001\"},{\"client_id\":\"user002\"}],\n"
        + "\"operations\":[\n" + String.join(",\n", ops) + "\n]}\n";
  }

  /** @return an operation of user001 with the given id, time, kind and extra fields (JSON members) */
  static String op(String id, long ts, String kind, String extra) {
    return "{\"op_id\":\"" + id + "\",\"client_id\":\"user001\",\"timestamp_us\":" + ts
        + ",\"operation\":\"" + kind + "\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
  }

  static String open(String id, long ts, String handle) {
    return op(id, ts, "Open", "\"path\":\"/f\",\"mode\":\"ReadWrite\",\"handle_ref\":\"" + handle + "\"");
  }

  static String close(String id, long ts, String handle) {
    return op(id, ts, "Close", "\"handle_ref\":\"" + handle + "\"");
  }

  static Path write(Path dir, String name, String json) {
    try {
      return Files.writeString(dir.resolve(name), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
