package io.smbench.engine.ir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The NTSTATUS names a workload may use in {@code expected_status} (MS-ERREF 2.3), with their
 * codes. Only the statuses SMB2 file operations commonly return are named; any code can still be
 * written in hex ({@code "0xC0000034"}), so the table never has to be complete.
 */
final class NtStatusTable {
  private static final Map<String, Integer> CODES = buildTable();

  private NtStatusTable() {}

  private static Map<String, Integer> buildTable() {
    Map<String, Integer> t = new LinkedHashMap<>();
    t.put("STATUS_SUCCESS", 0x00000000);
    t.put("STATUS_PENDING", 0x00000103);
    t.put("STATUS_OPLOCK_BREAK_IN_PROGRESS", 0x00000108);
    t.put("STATUS_NOTIFY_CLEANUP", 0x0000010B);
    t.put("STATUS_NOTIFY_ENUM_DIR", 0x0000010C);
    t.put("STATUS_BUFFER_OVERFLOW", 0x80000005);
    t.put("STATUS_NO_MORE_FILES", 0x80000006);
    t.put("STATUS_STOPPED_ON_SYMLINK", 0x8000002D);
    t.put("STATUS_UNSUCCESSFUL", 0xC0000001);
    t.put("STATUS_NOT_IMPLEMENTED", 0xC0000002);
    t.put("STATUS_INVALID_INFO_CLASS", 0xC0000003);
    t.put("STATUS_INFO_LENGTH_MISMATCH", 0xC0000004);
    t.put("STATUS_INVALID_HANDLE", 0xC0000008);
    t.put("STATUS_INVALID_PARAMETER", 0xC000000D);
    t.put("STATUS_NO_SUCH_FILE", 0xC000000F);
    t.put("STATUS_INVALID_DEVICE_REQUEST", 0xC0000010);
    t.put("STATUS_END_OF_FILE", 0xC0000011);
    t.put("STATUS_MORE_PROCESSING_REQUIRED", 0xC0000016);
    t.put("STATUS_ACCESS_DENIED", 0xC0000022);
    t.put("STATUS_BUFFER_TOO_SMALL", 0xC0000023);
    t.put("STATUS_OBJECT_NAME_INVALID", 0xC0000033);
    t.put("STATUS_OBJECT_NAME_NOT_FOUND", 0xC0000034);
    t.put("STATUS_OBJECT_NAME_COLLISION", 0xC0000035);
    t.put("STATUS_OBJECT_PATH_INVALID", 0xC0000039);
    t.put("STATUS_OBJECT_PATH_NOT_FOUND", 0xC000003A);
    t.put("STATUS_SHARING_VIOLATION", 0xC0000043);
    t.put("STATUS_FILE_LOCK_CONFLICT", 0xC0000054);
    t.put("STATUS_LOCK_NOT_GRANTED", 0xC0000055);
    t.put("STATUS_DELETE_PENDING", 0xC0000056);
    t.put("STATUS_PRIVILEGE_NOT_HELD", 0xC0000061);
    t.put("STATUS_LOGON_FAILURE", 0xC000006D);
    t.put("STATUS_PASSWORD_EXPIRED", 0xC0000071);
    t.put("STATUS_ACCOUNT_DISABLED", 0xC0000072);
    t.put("STATUS_RANGE_NOT_LOCKED", 0xC000007E);
    t.put("STATUS_DISK_FULL", 0xC000007F);
    t.put("STATUS_INSUFFICIENT_RESOURCES", 0xC000009A);
    t.put("STATUS_IO_TIMEOUT", 0xC00000B5);
    t.put("STATUS_FILE_IS_A_DIRECTORY", 0xC00000BA);
    t.put("STATUS_NOT_SUPPORTED", 0xC00000BB);
    t.put("STATUS_NETWORK_NAME_DELETED", 0xC00000C9);
    t.put("STATUS_BAD_NETWORK_NAME", 0xC00000CC);
    t.put("STATUS_REQUEST_NOT_ACCEPTED", 0xC00000D0);
    t.put("STATUS_OPLOCK_NOT_GRANTED", 0xC00000E2);
    t.put("STATUS_DIRECTORY_NOT_EMPTY", 0xC0000101);
    t.put("STATUS_NOT_A_DIRECTORY", 0xC0000103);
    t.put("STATUS_CANCELLED", 0xC0000120);
    t.put("STATUS_CANNOT_DELETE", 0xC0000121);
    t.put("STATUS_FILE_DELETED", 0xC0000123);
    t.put("STATUS_FILE_CLOSED", 0xC0000128);
    t.put("STATUS_INVALID_DEVICE_STATE", 0xC0000184);
    t.put("STATUS_USER_SESSION_DELETED", 0xC0000203);
    t.put("STATUS_NOT_FOUND", 0xC0000225);
    t.put("STATUS_PATH_NOT_COVERED", 0xC0000257);
    t.put("STATUS_NETWORK_SESSION_EXPIRED", 0xC000035C);
    t.put("STATUS_FILE_NOT_AVAILABLE", 0xC0000467);
    return Collections.unmodifiableMap(t);
  }

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
