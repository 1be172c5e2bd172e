package io.smbench.engine.ir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks the top-level fields: {@code version}, {@code metadata}, {@code clients} and the
 * presence of {@code operations}. Collects the declared clients for the end-of-file checks.
 */
final class HeaderChecker {

  /** A client as declared in {@code clients}. */
  record DeclaredClient(int index, Long operationCount) {}

  private final Workload workload;
  private final IssueCollector issues;
  private final Map<String, DeclaredClient> declared = new LinkedHashMap<>();
  private boolean clientsUsable;

  HeaderChecker(Workload workload, IssueCollector issues) {
    this.workload = workload;
    this.issues = issues;
  }

  /** @return false when the version rules out reading the rest as IR v1 */
  boolean check() {
    boolean readable = checkVersion();
    checkMetadata();
    checkClients();
    if (workload.operationsPosition() < 0) {
      issues.error(IssueCollector.HEADER, null, "operations", "required field is missing", null);
    }
    return readable;
  }

  private FieldChecks topLevel(String field) {
    OpContext at = new OpContext(-1, null, workload.locationOf(field));
    return new FieldChecks(issues, at, workload.fields(), "");
  }

  private boolean checkVersion() {
    JsonNode v = workload.field("version");
    if (v == null) {
      issues.error(IssueCollector.HEADER, null, "version",
          "required field is missing; this smbench reads IR version 1", null);
      return true;
    }
    if (!v.isIntegralNumber()) {
      topLevel("version").error("version", "must be an integer, was " + FieldChecks.describe(v));
      return true;
    }
    if (v.longValue() != Workload.SUPPORTED_VERSION) {
      topLevel("version").error("version", WorkloadReader.unsupportedVersion(v));
      return v.longValue() < Workload.SUPPORTED_VERSION;
    }
    return true;
  }

  private void checkMetadata() {
    JsonNode m = workload.field("metadata");
    if (m == null) {
      return;
    }
    FieldChecks top = topLevel("metadata");
    if (!m.isObject()) {
      top.error("metadata", "must be an object, was " + FieldChecks.describe(m));
      return;
    }
    FieldChecks f = top.nested("metadata", m);
    f.text("source", false);
    f.nonNegative("client_count", false);
    f.nonNegative("operation_count", false);
    JsonNode duration = m.get("duration_seconds");
    if (duration != null && (!duration.isNumber() || duration.doubleValue() < 0)) {
      f.error("duration_seconds", "must be a number >= 0, was " + FieldChecks.describe(duration));
    }
  }

  private void checkClients() {
    JsonNode clients = workload.field("clients");
    FieldChecks top = topLevel("clients");
    if (clients == null) {
      issues.error(IssueCollector.HEADER, null, "clients", "required field is missing", null);
      return;
    }
    if (!clients.isArray()) {
      top.error("clients", "must be an array, was " + FieldChecks.describe(clients));
      return;
    }
    clientsUsable = true;
    for (int i = 0; i < clients.size(); i++) {
      JsonNode c = clients.get(i);
      String name = "clients[" + i + "]";
      if (!c.isObject()) {
        top.error(name, "must be an object, was " + FieldChecks.describe(c));
        continue;
      }
      FieldChecks f = top.nested(name, c);
      String id = f.text("client_id", true);
      Long count = f.nonNegative("operation_count", false);
      if (id != null && declared.containsKey(id)) {
        f.error("client_id", "client '" + id + "' is declared twice (also clients["
            + declared.get(id).index() + "])");
      } else if (id != null) {
        declared.put(id, new DeclaredClient(i, count));
      }
    }
  }

  /** @return false when {@code clients} is missing or not an array, so membership means nothing */
  boolean clientsUsable() {
    return clientsUsable;
  }

  Map<String, DeclaredClient> declared() {
    return declared;
  }
}
