package io.smbench.engine.sched;

import io.smbench.engine.ir.Operation;
import io.smbench.engine.ir.WorkloadReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workload as the scheduler walks it: clients in declaration order, each with its operations
 * in file order (a valid workload's per-client timestamps never go backwards).
 */
public final class ReplayPlan {
    private final List<String> clientIds;
    private final Operation[][] operations;
    private final long totalOperations;

    private ReplayPlan(List<String> clientIds, Operation[][] operations) {
        this.clientIds = List.copyOf(clientIds);
        this.operations = operations;
        long total = 0;
        for (Operation[] ops : operations) {
            total += ops.length;
        }
        this.totalOperations = total;
    }

    /** Reads a validated workload file. */
    public static ReplayPlan load(Path workload) {
        Map<String, List<Operation>> byClient = new LinkedHashMap<>();
        try (WorkloadReader reader = WorkloadReader.open(workload)) {
            for (String id : reader.workload().clientIds()) {
                byClient.put(id, new ArrayList<>());
            }
            reader.forEachOperation(op -> byClient.computeIfAbsent(op.clientId(), id -> new ArrayList<>()).add(op));
        }
        return of(byClient);
    }

    /** A plan from operations already grouped by client (tests, scaling). */
    public static ReplayPlan of(Map<String, List<Operation>> byClient) {
        List<String> ids = new ArrayList<>(byClient.keySet());
        Operation[][] ops = new Operation[ids.size()][];
        for (int i = 0; i < ids.size(); i++) {
            ops[i] = byClient.get(ids.get(i)).toArray(Operation[]::new);
        }
        return new ReplayPlan(ids, ops);
    }

    /**
     * The plan as {@code copies} users: copy k (1-based) of client c becomes client "c@k", its op_ids
     * get the same suffix, every path and new_path is prefixed with {@code pathTemplate} with
     * {@code {n}} replaced by k (e.g. "/u{n}" puts copy 7 under /u7), and its timestamps start
     * {@code (k - 1) × rampUp / copies} later.
     */
    public ReplayPlan scaled(int copies, String pathTemplate, java.time.Duration rampUp) {
        if (copies < 1) {
            throw new IllegalArgumentException("scale must be at least 1, was " + copies);
        }
        if (!pathTemplate.contains("{n}")) {
            throw new IllegalArgumentException("the path template must contain {n}, was '" + pathTemplate + "'");
        }
        Map<String, List<Operation>> byClient = new LinkedHashMap<>();
        for (int k = 1; k <= copies; k++) {
            long offsetUs = rampUp.toNanos() / 1000 * (k - 1) / copies;
            String prefix = pathTemplate.replace("{n}", Integer.toString(k));
            for (int c = 0; c < clientIds.size(); c++) {
                String id = clientIds.get(c) + "@" + k;
                List<Operation> ops = new ArrayList<>(operations[c].length);
                for (Operation op : operations[c]) {
                    com.fasterxml.jackson.databind.node.ObjectNode json = op.toJson().deepCopy();
                    json.put("client_id", id);
                    json.put("op_id", op.opId() + "@" + k);
                    json.put("timestamp_us", op.timestampUs() + offsetUs);
                    for (String field : new String[] {"path", "new_path"}) {
                        if (json.hasNonNull(field)) {
                            json.put(field, prefix + (json.get(field).asText().startsWith("/") ? "" : "/")
                                    + json.get(field).asText());
                        }
                    }
                    ops.add(Operation.of(json, op.opId() + "@" + k));
                }
                byClient.put(id, ops);
            }
        }
        return of(byClient);
    }

    /**
     * Shard {@code index} of {@code count} (1-based): the clients whose position in the plan is
     * congruent to {@code index - 1} modulo {@code count}. Deterministic, so N machines running
     * shards 1..N replay each client exactly once.
     */
    public ReplayPlan shard(int index, int count) {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard must be i/N with 1 <= i <= N, was " + index + "/" + count);
        }
        Map<String, List<Operation>> kept = new LinkedHashMap<>();
        for (int c = 0; c < clientIds.size(); c++) {
            if (c % count == index - 1) {
                kept.put(clientIds.get(c), List.of(operations[c]));
            }
        }
        return of(kept);
    }

    /** The path prefixes a scaled plan puts its copies under ("/u1" ... "/uN"), for provisioning. */
    public static List<String> scalePrefixes(int copies, String pathTemplate) {
        List<String> prefixes = new ArrayList<>();
        for (int k = 1; k <= copies; k++) {
            prefixes.add(pathTemplate.replace("{n}", Integer.toString(k)));
        }
        return prefixes;
    }

    public int clientCount() {
        return clientIds.size();
    }

    public List<String> clientIds() {
        return clientIds;
    }

    public int operationCount(int client) {
        return operations[client].length;
    }

    public Operation operation(int client, int op) {
        return operations[client][op];
    }

    public long totalOperations() {
        return totalOperations;
    }
}
