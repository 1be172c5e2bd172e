package io.smbench.engine.compile;

import io.smbench.engine.ir.Operation;
import io.smbench.engine.ir.WorkloadReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What must exist on a share before a workload starts: the directories its paths live in and the
 * files it opens without creating (CreateDisposition Open or Overwrite, or a path-based Delete or
 * Rename), each sized to cover the reads made on it. Paths the workload creates itself, and opens
 * whose recorded status says they did not exist, are left out.
 */
public final class ProvisionPlan {
    private final Set<String> directories = new TreeSet<>();
    private final Map<String, Long> files = new LinkedHashMap<>();

    public Set<String> directories() {
        return directories;
    }

    /** Files to create, with the size each needs. */
    public Map<String, Long> files() {
        return files;
    }

    public static ProvisionPlan of(Path workload) {
        ProvisionPlan plan = new ProvisionPlan();
        Set<String> created = new HashSet<>();
        Map<String, String> handlePath = new HashMap<>();
        try (WorkloadReader reader = WorkloadReader.open(workload)) {
            reader.forEachOperation(op -> plan.visit(op, created, handlePath));
        }
        plan.directories.removeAll(created);
        return plan;
    }

    private void visit(Operation op, Set<String> created, Map<String, String> handlePath) {
        String status = op.text("expected_status");
        boolean succeeded = status == null || status.equals("STATUS_SUCCESS");
        String path = normalize(op.text("path"));
        switch (op.kind()) {
            case Mkdir -> {
                parentsOf(path, created);
                created.add(path);
            }
            case Open -> {
                parentsOf(path, created);
                var ext = op.toJson().path("extensions");
                String disposition = ext.path("create_disposition").asText("OpenIf");
                boolean directory = isDirectory(ext);
                handlePath.put(op.clientId() + "/" + op.text("handle_ref"), path);
                if (!succeeded) {
                    return; // it did not exist (or could not be opened) in the capture either
                }
                if (disposition.equals("Open") || disposition.equals("Overwrite")) {
                    if (!created.contains(path)) {
                        if (directory) {
                            directories.add(path);
                        } else {
                            files.putIfAbsent(path, 0L);
                        }
                    }
                } else {
                    created.add(path);
                }
            }
            case Read -> {
                String file = handlePath.get(op.clientId() + "/" + op.text("handle_ref"));
                if (file != null && files.containsKey(file)) {
                    files.merge(file, op.number("offset", 0) + op.number("length", 0), Math::max);
                }
            }
            case Delete, Rename -> {
                parentsOf(path, created);
                if (succeeded && !created.contains(path)) {
                    files.putIfAbsent(path, 0L);
                }
                if (op.kind() == io.smbench.engine.ir.OperationKind.Rename) {
                    created.add(normalize(op.text("new_path")));
                }
            }
            case Rmdir, QueryDirectory -> {
                parentsOf(path, created);
                if (succeeded && !created.contains(path)) {
                    directories.add(path);
                }
            }
            default -> { }
        }
    }

    private static boolean isDirectory(com.fasterxml.jackson.databind.JsonNode ext) {
        var options = ext.path("create_options");
        if (options.isNumber()) {
            return (options.asLong() & 0x1) != 0;
        }
        for (var option : options) {
            if (option.asText().equals("DirectoryFile")) {
                return true;
            }
        }
        return false;
    }

    private void parentsOf(String path, Set<String> created) {
        if (path == null) {
            return;
        }
        for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
            String parent = path.substring(0, slash);
            if (!created.contains(parent)) {
                directories.add(parent);
            }
        }
    }

    private static String normalize(String path) {
        if (path == null) {
            return null;
        }
        String p = path.replace('\\', '/');
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
