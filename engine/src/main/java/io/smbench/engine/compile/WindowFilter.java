package io.smbench.engine.compile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the operations whose request falls inside a {@link TimeWindow} and makes their timestamps
 * start at the window's start.
 *
 * <p>A handle a client opened before the window and still holds when the window starts is opened
 * again at the window's start (timestamp 0, marked {@code "x_opened_before_window": true}), whether
 * or not the window uses it: open handles are server state (share modes, oplocks, leases, byte-range
 * locks' owners) that the bug being reproduced may depend on, and operations in the window may use
 * them. Its CreateDisposition becomes {@code Open} (the original is kept in
 * {@code x_captured_create_disposition}): the file existed at the window's start, so {@code smbench
 * provision} creates it and the re-open neither creates nor truncates it. Everything else before the
 * window (writes, closed handles, path operations) and everything after it is dropped and counted.
 */
final class WindowFilter {
    private final TimeWindow window;
    private final CompileSummary summary;
    private final SmbConversation.OperationSink out;
    /** Per client, handles opened before the window and not closed yet, in open order. */
    private final Map<String, Map<String, ObjectNode>> openBefore = new LinkedHashMap<>();
    private final Set<String> started = new HashSet<>();

    WindowFilter(TimeWindow window, CompileSummary summary, SmbConversation.OperationSink out) {
        this.window = window;
        this.summary = summary;
        this.out = out;
    }

    void accept(ObjectNode op, CapturedBytes writeData) {
        long timestamp = op.get("timestamp_us").asLong();
        String client = op.get("client_id").asText();
        if (window.before(timestamp)) {
            summary.beforeWindow++;
            track(client, op);
            return;
        }
        if (window.after(timestamp)) {
            summary.afterWindow++;
            return;
        }
        start(client);
        op.put("timestamp_us", timestamp - window.fromMicros());
        out.operation(op, writeData);
    }

    /** End of the capture: handles held across the start of the window by clients idle in it. */
    void finish() {
        for (String client : openBefore.keySet().toArray(String[]::new)) {
            start(client);
        }
    }

    private void track(String client, ObjectNode op) {
        String kind = op.path("operation").asText();
        String handle = op.path("handle_ref").asText(null);
        if (kind.equals("Open") && "STATUS_SUCCESS".equals(op.path("expected_status").asText())) {
            openBefore.computeIfAbsent(client, c -> new LinkedHashMap<>()).put(handle, op);
        } else if (kind.equals("Close") && openBefore.containsKey(client)) {
            openBefore.get(client).remove(handle);
        }
    }

    /** The client's first operation in the window: first re-open what it held at the window's start. */
    private void start(String client) {
        if (!started.add(client)) {
            return;
        }
        Map<String, ObjectNode> held = openBefore.remove(client);
        if (held == null) {
            return;
        }
        for (ObjectNode open : held.values()) {
            open.put("timestamp_us", 0);
            open.put("x_opened_before_window", true);
            ObjectNode ext = open.has("extensions") ? (ObjectNode) open.get("extensions") : open.putObject("extensions");
            if (ext.has("create_disposition")) {
                ext.put("x_captured_create_disposition", ext.get("create_disposition").asText());
            }
            ext.put("create_disposition", "Open");
            out.operation(open, null);
            summary.openedBeforeWindow++;
        }
    }
}
