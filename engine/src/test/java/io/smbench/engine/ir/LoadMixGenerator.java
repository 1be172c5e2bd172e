package io.smbench.engine.ir;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;

/**
 * Generates {@code examples/load-mix-100.json}: 100 clients, each in its own folder {@code /uNNN/},
 * creating, writing, reading, listing, renaming and deleting files, then removing the folder.
 * Seeded, so the committed file can be checked against a fresh run ({@code ExamplesTest}).
 *
 * <p>Regenerate after changing it with {@code ./mvnw -B -pl engine -am verify
 * -Dtest=ExamplesTest -Dsurefire.failIfNoSpecifiedTests=false -Dsmbench.regenerateExamples=true}.
 */
final class LoadMixGenerator {
  private static final int CLIENTS = 100;
  private static final long SEED = 20261124L;

  private final List<ObjectNode> ops = new ArrayList<>();
  private final HashMap<String, Long> perClient = new HashMap<>();
  private long lastTimestamp;

  private LoadMixGenerator() {}

  public static void main(String[] args) {
    write(Path.of(args.length > 0 ? args[0] : "examples/load-mix-100.json"));
  }

  static void write(Path out) {
    LoadMixGenerator g = new LoadMixGenerator();
    for (int c = 1; c <= CLIENTS; c++) {
      g.client(String.format("u%03d", c), new Random(SEED + c), (c - 1) * 3_000L);
    }
    g.ops.sort((a, b) -> Long.compare(a.get("timestamp_us").longValue(), b.get("timestamp_us").longValue()));
    ObjectNode header = WorkloadReader.MAPPER.createObjectNode();
    header.put("version", 1);
    ObjectNode meta = header.putObject("metadata");
    meta.put("source", "generated");
    meta.put("description", "100 clients, each creating, writing, reading, listing, renaming and"
        + " deleting files in its own folder /uNNN/, then removing it");
    meta.put("duration_seconds", Math.ceil(g.lastTimestamp / 1_000_000.0));
    meta.put("client_count", CLIENTS);
    meta.put("operation_count", g.ops.size());
    var clients = header.putArray("clients");
    for (int c = 1; c <= CLIENTS; c++) {
      String id = String.format("u%03d", c);
      clients.addObject().put("client_id", id).put("operation_count", g.perClient.get(id));
    }
    Workload workload = new Workload(header, 3, new HashMap<>());
    try (WorkloadWriter w = WorkloadWriter.create(out, workload)) {
      for (ObjectNode op : g.ops) {
        w.write(Operation.of(op, null));
      }
    }
  }

  private void client(String id, Random rnd, long start) {
    long[] t = {start};
    String dir = "/" + id;
    int files = 2 + rnd.nextInt(3);
    add(id, t, rnd, "Mkdir").put("path", dir);
    for (int f = 0; f < files; f++) {
      String path = dir + "/file" + f + ".dat";
      String handle = "h" + f;
      ObjectNode open = add(id, t, rnd, "Open").put("path", path).put("mode", "ReadWrite")
          .put("handle_ref", handle);
      ObjectNode ext = open.putObject("extensions");
      ext.put("create_disposition", "Create");
      ext.put("oplock_level", rnd.nextBoolean() ? "Batch" : "None");
      ext.putArray("share_access").add("Read");
      open.put("expected_status", "STATUS_SUCCESS");
      int chunk = rnd.nextBoolean() ? 4096 : 65536;
      int writes = 1 + rnd.nextInt(4);
      for (int i = 0; i < writes; i++) {
        add(id, t, rnd, "Write").put("handle_ref", handle).put("offset", (long) i * chunk).put("length", chunk);
      }
      if (rnd.nextInt(3) == 0) {
        add(id, t, rnd, "Flush").put("handle_ref", handle);
      }
      for (int i = 0; i < 1 + rnd.nextInt(3); i++) {
        add(id, t, rnd, "Read").put("handle_ref", handle)
            .put("offset", (long) rnd.nextInt(writes) * chunk).put("length", chunk);
      }
      add(id, t, rnd, "Close").put("handle_ref", handle);
    }
    add(id, t, rnd, "QueryDirectory").put("path", dir).put("pattern", "*");
    String renamed = dir + "/file0.old";
    add(id, t, rnd, "Rename").put("path", dir + "/file0.dat").put("new_path", renamed);
    ObjectNode reopen = add(id, t, rnd, "Open").put("path", renamed).put("mode", "Read")
        .put("handle_ref", "r0");
    reopen.putObject("extensions").put("create_disposition", "Open").put("oplock_level", "LevelII");
    add(id, t, rnd, "QueryInfo").put("handle_ref", "r0").put("info_type", "File")
        .put("info_class", "FileStandardInformation");
    add(id, t, rnd, "Read").put("handle_ref", "r0").put("offset", 0).put("length", 4096);
    add(id, t, rnd, "Close").put("handle_ref", "r0");
    add(id, t, rnd, "QueryDirectory").put("path", dir).put("pattern", "*.dat");
    add(id, t, rnd, "Delete").put("path", renamed);
    for (int f = 1; f < files; f++) {
      add(id, t, rnd, "Delete").put("path", dir + "/file" + f + ".dat");
    }
    add(id, t, rnd, "Rmdir").put("path", dir).put("expected_status", "STATUS_SUCCESS");
  }

  private ObjectNode add(String client, long[] t, Random rnd, String kind) {
    t[0] += 500 + rnd.nextInt(20_000);
    lastTimestamp = Math.max(lastTimestamp, t[0]);
    perClient.merge(client, 1L, Long::sum);
    ObjectNode op = WorkloadReader.MAPPER.createObjectNode();
    op.put("op_id", String.format("%s_%03d", client, perClient.get(client)));
    op.put("client_id", client);
    op.put("timestamp_us", t[0]);
    op.put("operation", kind);
    ops.add(op);
    return op;
  }
}
