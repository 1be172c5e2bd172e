package io.smbench.engine.ir;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Per-client state the cross-operation checks need: last timestamp, open and closed handles,
 * operation count and where the client first appeared. Handles are per client because each
 * client replays on its own session. Memory grows with clients and live handles, not operations.
 */
final class ClientTracker {

  /** What is remembered of one client. */
  static final class ClientState {
    final OpContext firstOp;
    long lastTimestampUs = -1;
    String lastOpId;
    long operationCount;
    final Map<String, String> openHandles = new HashMap<>();
    final Map<String, String> closedHandles = new HashMap<>();

    ClientState(OpContext firstOp) {
      this.firstOp = firstOp;
    }
  }

  private final Map<String, ClientState> clients = new LinkedHashMap<>();
  private final IssueCollector issues;

  ClientTracker(IssueCollector issues) {
    this.issues = issues;
  }

  ClientState client(String clientId, OpContext op) {
    ClientState state = clients.computeIfAbsent(clientId, id -> new ClientState(op));
    state.operationCount++;
    return state;
  }

  void timestamp(ClientState client, OpContext op, long timestampUs) {
    if (timestampUs < client.lastTimestampUs) {
      issues.error(op, "timestamp_us", "goes backwards for this client: " + timestampUs
          + " < " + client.lastTimestampUs + " of " + client.lastOpId);
    } else {
      client.lastTimestampUs = timestampUs;
      client.lastOpId = op.opId();
    }
  }

  /**
   * @param opens true for Open; {@code failing} true when its expected_status is an error, in
   *     which case the server returns no handle and none is recorded
   */
  void handle(ClientState client, OpContext op, OperationKind kind, String handle, boolean failing) {
    String name = op.opId() == null ? op.location() : op.opId();
    if (kind == OperationKind.Open) {
      String openedBy = client.openHandles.get(handle);
      if (openedBy != null) {
        issues.error(op, "handle_ref", "handle '" + handle + "' is opened twice: it is still open"
            + " from " + openedBy + " (Close it first or use another handle_ref)");
      } else if (!failing) {
        client.openHandles.put(handle, name);
        client.closedHandles.remove(handle);
      }
      return;
    }
    if (client.openHandles.containsKey(handle)) {
      if (kind == OperationKind.Close) {
        client.openHandles.remove(handle);
        client.closedHandles.put(handle, name);
      }
      return;
    }
    String closedBy = client.closedHandles.get(handle);
    issues.error(op, "handle_ref", closedBy != null
        ? "handle '" + handle + "' used after its Close (" + closedBy + ")"
        : "handle '" + handle + "' used before its Open (no Open with this handle_ref earlier"
            + " for this client)");
  }

  Map<String, ClientState> all() {
    return clients;
  }

  Set<String> ids() {
    return new HashSet<>(clients.keySet());
  }
}
