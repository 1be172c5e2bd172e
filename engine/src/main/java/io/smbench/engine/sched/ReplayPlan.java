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
