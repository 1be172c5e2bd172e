package io.smbench.engine.ir;

import io.smbench.smb.mserref.NtStatus;
import java.util.Map;

/**
 * The NTSTATUS names a workload may use in {@code expected_status} (MS-ERREF 2.3), with their
 * codes. Only the statuses SMB2 file operations commonly return are named; any code can still be
 * written in hex ({@code "0xC0000034"}), so the table never has to be complete. The table itself
 * is {@link NtStatus}, shared with the SMB client so that names mean the same everywhere.
 */
final class NtStatusTable {
  private static final Map<String, Integer> CODES = NtStatus.names();

  /**
   * @param text a status name such as {@code STATUS_SUCCESS} or a hex code such as {@code
   *     0xC0000034} (1 to 8 hex digits)
   * @return the 32-bit code, or null when {@code text} is neither a known name nor hex
   */
  static Long parse(String text) {
    if (text.length() > 2 && text.length() <= 10 && (text.startsWith("0x") || text.startsWith("0X"))) {
      try {
        return Long.parseLong(text.substring(2), 16);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    Integer code = CODES.get(text);
    return code == null ? null : Integer.toUnsignedLong(code);
  }

  /**
   * @return true for error-severity codes (top two bits set, MS-ERREF 2.3.1); warnings such as
   *     STATUS_BUFFER_OVERFLOW still complete the request, so they do not count
   */
  static boolean isError(long code) {
    return (code & 0xC0000000L) == 0xC0000000L;
  }

  /** @return every known name, for error messages and the reference documentation */
  static Map<String, Integer> names() {
    return CODES;
  }
}
