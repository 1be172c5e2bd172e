package io.smbench.engine.ir;

import java.util.List;

/**
 * The outcome of {@link WorkloadValidator#validate}: every error, every warning, and a summary of
 * what the workload contains. Errors make a workload unfit to replay; warnings do not.
 */
public final class ValidationReport {
  private final List<ValidationIssue> errors;
  private final List<ValidationIssue> warnings;
  private final WorkloadSummary summary;

  ValidationReport(List<ValidationIssue> errors, List<ValidationIssue> warnings, WorkloadSummary summary) {
    this.errors = List.copyOf(errors);
    this.warnings = List.copyOf(warnings);
    this.summary = summary;
  }

  /** @return true when there is no error (warnings allowed) */
  public boolean isValid() {
    return errors.isEmpty();
  }

  /** @return the errors, in file order */
  public List<ValidationIssue> errors() {
    return errors;
  }

  /** @return the warnings, in file order */
  public List<ValidationIssue> warnings() {
    return warnings;
  }

  /** @return counts of what was read, as far as reading got */
  public WorkloadSummary summary() {
    return summary;
  }

  @Override
  public String toString() {
    return (isValid() ? "valid" : errors.size() + " error(s)") + ", " + warnings.size() + " warning(s)";
  }
}
