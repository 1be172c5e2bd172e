package io.smbench.engine.ir;

/**
 * A workload document that cannot be read as IR v1: malformed JSON, a missing or unsupported
 * {@code version}, or an operation that does not fit its kind. Carries where in the file the
 * problem is, so callers can print it without a stack trace.
 */
public final class IrFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String location;
  private final String reason;

  /**
   * @param message what is wrong, phrased for the person who wrote the workload
   * @param location where, e.g. "line 3, column 14" or "operations[41], line 48"; may be null
   */
  public IrFormatException(String message, String location) {
    super(location == null ? message : location + ": " + message);
    this.location = location;
    this.reason = message;
  }

  /** @return the message without the location */
  public String reason() {
    return reason;
  }

  /** @return where the problem is, or null when the whole document is concerned */
  public String location() {
    return location;
  }

  static String lineColumn(long line, long column) {
    return "line " + line + ", column " + column;
  }
}
