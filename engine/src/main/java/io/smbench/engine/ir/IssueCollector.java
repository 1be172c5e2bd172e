package io.smbench.engine.ir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Gathers errors and warnings during one validation. Each issue carries the index of the
 * operation it is about (-1 for the header, {@code Long.MAX_VALUE} for end-of-file totals) so that
 * checks finishing late, such as duplicate op_ids, still come out in file order.
 */
final class IssueCollector {
  static final long HEADER = -1;
  static final long TOTALS = Long.MAX_VALUE;

  private record Keyed(long order, ValidationIssue issue) {}

  private final int max;
  private final List<Keyed> errors = new ArrayList<>();
  private final List<Keyed> warnings = new ArrayList<>();
  private long droppedErrors;
  private long droppedWarnings;

  IssueCollector(int max) {
    this.max = max;
  }

  void error(long order, String opId, String field, String message, String location) {
    if (errors.size() < max) {
      errors.add(new Keyed(order, new ValidationIssue(opId, field, message, location)));
    } else {
      droppedErrors++;
    }
  }

  void warning(long order, String opId, String field, String message, String location) {
    if (warnings.size() < max) {
      warnings.add(new Keyed(order, new ValidationIssue(opId, field, message, location)));
    } else {
      droppedWarnings++;
    }
  }

  /** Records an error about the operation described by {@code op}. */
  void error(OpContext op, String field, String message) {
    error(op.index(), op.opId(), field, message, op.location());
  }

  boolean hasErrors() {
    return !errors.isEmpty();
  }

  List<ValidationIssue> errors() {
    return sorted(errors, droppedErrors, "error");
  }

  List<ValidationIssue> warnings() {
    return sorted(warnings, droppedWarnings, "warning");
  }

  private static List<ValidationIssue> sorted(List<Keyed> keyed, long dropped, String what) {
    List<ValidationIssue> out = new ArrayList<>(keyed.size() + 1);
    keyed.stream().sorted(Comparator.comparingLong(Keyed::order)).forEach(k -> out.add(k.issue()));
    if (dropped > 0) {
      out.add(new ValidationIssue(null, null,
          dropped + " more " + what + "(s) not listed; fix the ones above first", null));
    }
    return out;
  }
}
