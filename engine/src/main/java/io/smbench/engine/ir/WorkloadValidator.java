package io.smbench.engine.ir;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Validates a workload file against IR v1 and reports every problem in one pass, streaming the
 * operations so that memory holds only per-client state, open handles and op_id hashes.
 *
 * <p>Checks that need the whole file (undeclared clients, declared counts) run after the last
 * operation, which also makes the order of {@code clients} and {@code operations} irrelevant.
 */
public final class WorkloadValidator {
  private final Path file;
  private final ValidationOptions options;
  private final IssueCollector issues;
  private final OpIdSet opIds = new OpIdSet();
  private final ClientTracker clients;
  private final OperationFieldChecker fieldChecker;
  private final Map<OperationKind, Long> kindCounts = new EnumMap<>(OperationKind.class);
  private long operationCount;
  private long firstTimestampUs = Long.MAX_VALUE;
  private long lastTimestampUs = Long.MIN_VALUE;

  private WorkloadValidator(Path file, ValidationOptions options) {
    this.file = file;
    this.options = options;
    this.issues = new IssueCollector(options.maxIssues());
    this.clients = new ClientTracker(issues);
    Path parent = file.toAbsolutePath().getParent();
    Path blobRoot = options.blobRoot() != null ? options.blobRoot() : parent;
    this.fieldChecker = new OperationFieldChecker(new BlobChecker(blobRoot, options.checkBlobs()));
  }

  /** Validates with {@link ValidationOptions#defaults()}. */
  public static ValidationReport validate(Path workload) {
    return validate(workload, ValidationOptions.defaults());
  }

  /** @return every error and warning found in {@code workload}; never throws for bad content */
  public static ValidationReport validate(Path workload, ValidationOptions options) {
    return new WorkloadValidator(workload, options).run();
  }

  private ValidationReport run() {
    HeaderChecker header = null;
    try (WorkloadReader reader = WorkloadReader.openUnchecked(file)) {
      header = new HeaderChecker(reader.workload(), issues);
      if (header.check()) {
        for (RawOperation raw = reader.nextRaw(); raw != null; raw = reader.nextRaw()) {
          checkOperation(raw);
        }
        confirmDuplicateOpIds();
        checkTotals(reader.workload(), header);
      }
    } catch (IrFormatException e) {
      issues.error(IssueCollector.HEADER, null, null, e.reason(), e.location());
    } catch (UncheckedIOException e) {
      issues.error(IssueCollector.HEADER, null, null, "cannot read workload: "
          + e.getCause().getMessage(), file.toString());
    }
    return new ValidationReport(issues.errors(), issues.warnings(), summary(header));
  }

  private void checkOperation(RawOperation raw) {
    operationCount++;
    JsonNode json = raw.json();
    if (!json.isObject()) {
      issues.error(raw.index(), null, null, "an operation must be a JSON object, was "
          + FieldChecks.describe(json), raw.location());
      return;
    }
    JsonNode idNode = json.get("op_id");
    OpContext op = new OpContext(raw.index(),
        idNode != null && idNode.isTextual() ? idNode.textValue() : null, raw.location());
    FieldChecks f = new FieldChecks(issues, op, json, "");
    String opId = f.text("op_id", true);
    if (opId != null) {
      opIds.add(opId);
    }
    String clientId = f.text("client_id", true);
    Long timestamp = f.nonNegative("timestamp_us", true);
    String name = f.text("operation", true);
    OperationKind kind = name == null ? null : OperationKind.fromJson(name);
    if (name != null && kind == null) {
      f.error("operation", "unknown operation '" + name + "'; accepted: "
          + OperationKind.acceptedNames());
    }
    boolean failing = checkExpectedStatus(f);
    if (kind != null) {
      kindCounts.merge(kind, 1L, Long::sum);
      fieldChecker.check(kind, f);
    }
    if (timestamp != null) {
      firstTimestampUs = Math.min(firstTimestampUs, timestamp);
      lastTimestampUs = Math.max(lastTimestampUs, timestamp);
    }
    if (clientId != null) {
      ClientTracker.ClientState client = clients.client(clientId, op);
      if (timestamp != null) {
        clients.timestamp(client, op, timestamp);
      }
      JsonNode handle = json.get("handle_ref");
      boolean usesHandle = kind != null && (kind == OperationKind.Open || !kind.pathBased());
      if (usesHandle && handle != null && handle.isTextual() && !handle.textValue().isEmpty()) {
        clients.handle(client, op, kind, handle.textValue(), failing);
      }
    }
  }

  /** @return true when the operation is expected to fail, so an Open yields no handle */
  private static boolean checkExpectedStatus(FieldChecks f) {
    String status = f.text("expected_status", false);
    if (status == null) {
      return false;
    }
    Long code = NtStatusTable.parse(status);
    if (code == null) {
      f.error("expected_status", "unknown NTSTATUS '" + status + "'; use a name such as"
          + " STATUS_SUCCESS or STATUS_OBJECT_NAME_NOT_FOUND, or any code in hex such as"
          + " \"0xC0000034\"");
      return false;
    }
    return NtStatusTable.isError(code);
  }

  private void confirmDuplicateOpIds() {
    if (!opIds.hasSuspects()) {
      return;
    }
    Map<String, Integer> firstIndex = new HashMap<>();
    try (WorkloadReader again = WorkloadReader.openUnchecked(file)) {
      for (RawOperation raw = again.nextRaw(); raw != null; raw = again.nextRaw()) {
        JsonNode id = raw.json().get("op_id");
        if (id == null || !id.isTextual() || !opIds.isSuspect(id.textValue())) {
          continue;
        }
        Integer first = firstIndex.putIfAbsent(id.textValue(), raw.index());
        if (first != null) {
          issues.error(raw.index(), id.textValue(), "op_id", "duplicate op_id '" + id.textValue()
              + "', first used at operations[" + first + "]", raw.location());
        }
      }
    }
  }

  private void checkTotals(Workload workload, HeaderChecker header) {
    Map<String, HeaderChecker.DeclaredClient> declared = header.declared();
    Map<String, ClientTracker.ClientState> used = clients.all();
    if (header.clientsUsable()) {
      for (Map.Entry<String, ClientTracker.ClientState> e : used.entrySet()) {
        if (!declared.containsKey(e.getKey())) {
          issues.error(e.getValue().firstOp, "client_id", "client '" + e.getKey()
              + "' is not declared in 'clients' (first use; " + e.getValue().operationCount
              + " operation(s) in all)");
        }
      }
    }
    String clientsAt = workload.locationOf("clients");
    for (Map.Entry<String, HeaderChecker.DeclaredClient> e : declared.entrySet()) {
      ClientTracker.ClientState state = used.get(e.getKey());
      long actual = state == null ? 0 : state.operationCount;
      String field = "clients[" + e.getValue().index() + "].operation_count";
      Long claimed = e.getValue().operationCount();
      if (claimed != null && claimed != actual) {
        issues.error(IssueCollector.TOTALS, null, field, "client '" + e.getKey() + "' declares "
            + claimed + " operation(s) but the workload has " + actual, clientsAt);
      }
      if (actual == 0) {
        issues.warning(IssueCollector.TOTALS, null, "clients[" + e.getValue().index() + "]",
            "client '" + e.getKey() + "' is declared but has no operations", clientsAt);
      }
    }
    for (ClientTracker.ClientState state : used.values()) {
      for (Map.Entry<String, String> open : new TreeMap<>(state.openHandles).entrySet()) {
        issues.warning(IssueCollector.TOTALS, open.getValue(), "handle_ref", "handle '"
            + open.getKey() + "' is never closed; the replay closes it at the end", null);
      }
    }
    checkMetadataCounts(workload, declared.size());
  }

  private void checkMetadataCounts(Workload workload, int declaredClients) {
    JsonNode metadata = workload.field("metadata");
    if (metadata == null || !metadata.isObject()) {
      return;
    }
    String at = workload.locationOf("metadata");
    JsonNode clientCount = metadata.get("client_count");
    if (clientCount != null && clientCount.isIntegralNumber()
        && clientCount.longValue() != declaredClients) {
      issues.warning(IssueCollector.TOTALS, null, "metadata.client_count", "says "
          + clientCount.longValue() + " but 'clients' declares " + declaredClients
          + "; informational only, the replay uses 'clients'", at);
    }
    JsonNode opCount = metadata.get("operation_count");
    if (opCount != null && opCount.isIntegralNumber() && opCount.longValue() != operationCount) {
      issues.error(IssueCollector.TOTALS, null, "metadata.operation_count", "says "
          + opCount.longValue() + " but 'operations' has " + operationCount, at);
    }
  }

  private WorkloadSummary summary(HeaderChecker header) {
    Set<String> ids = clients.ids();
    if (header != null) {
      ids.addAll(header.declared().keySet());
    }
    Map<String, Long> byKind = new TreeMap<>();
    kindCounts.forEach((k, v) -> byKind.put(k.name(), v));
    boolean any = firstTimestampUs != Long.MAX_VALUE;
    return new WorkloadSummary(ids.size(), operationCount, byKind,
        any ? firstTimestampUs : 0, any ? lastTimestampUs : 0);
  }
}
