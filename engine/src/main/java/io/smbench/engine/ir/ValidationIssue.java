package io.smbench.engine.ir;

/**
 * One problem found in a workload: which operation, which field, what is wrong and where.
 *
 * @param opId the operation's {@code op_id}, or null for header problems and operations without
 *     a usable op_id
 * @param field the JSON field concerned, dotted for nested ones (e.g. {@code
 *     extensions.lease.key}); null when the problem is the whole value
 * @param message what is wrong, including the accepted values or the value found
 * @param location e.g. "operations[41], line 48" or "line 3, column 5"; null when unknown
 */
public record ValidationIssue(String opId, String field, String message, String location) {

  /** @return e.g. {@code op_042 (operations[41], line 48): field 'offset': must be >= 0, was -5} */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    if (opId != null) {
      s.append(opId);
      if (location != null) {
        s.append(" (").append(location).append(')');
      }
    } else {
      s.append(location != null ? location : "workload");
    }
    s.append(": ");
    if (field != null) {
      s.append("field '").append(field).append("': ");
    }
    return s.append(message).toString();
  }
}
