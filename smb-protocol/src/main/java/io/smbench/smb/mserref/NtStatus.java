package io.smbench.smb.mserref;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/** NTSTATUS codes (MS-ERREF 2.3.1) by name, for error messages, reports and the IR's expected_status. */
public final class NtStatus {
    public static final int STATUS_SUCCESS = 0x00000000;
    public static final int STATUS_PENDING = 0x00000103;
    public static final int STATUS_NOTIFY_ENUM_DIR = 0x0000010C;
    public static final int STATUS_BUFFER_OVERFLOW = 0x80000005;
    public static final int STATUS_NO_MORE_FILES = 0x80000006;
    public static final int STATUS_MORE_PROCESSING_REQUIRED = 0xC0000016;
    public static final int STATUS_INVALID_PARAMETER = 0xC000000D;
    public static final int STATUS_END_OF_FILE = 0xC0000011;
    public static final int STATUS_ACCESS_DENIED = 0xC0000022;
    public static final int STATUS_OBJECT_NAME_NOT_FOUND = 0xC0000034;
    public static final int STATUS_OBJECT_NAME_COLLISION = 0xC0000035;
    public static final int STATUS_SHARING_VIOLATION = 0xC0000043;
    public static final int STATUS_LOGON_FAILURE = 0xC000006D;
    public static final int STATUS_BAD_NETWORK_NAME = 0xC00000CC;
    public static final int STATUS_NOT_SUPPORTED = 0xC00000BB;
    public static final int STATUS_USER_SESSION_DELETED = 0xC0000203;

    private static final Map<Integer, String> NAMES = new HashMap<>();
    private static final Map<String, Integer> CODES = new java.util.LinkedHashMap<>();

    static {
        Object[][] table = {
            {0x00000000, "STATUS_SUCCESS"},
            {0x00000103, "STATUS_PENDING"},
            {0x00000108, "STATUS_OPLOCK_BREAK_IN_PROGRESS"},
            {0x0000010B, "STATUS_NOTIFY_CLEANUP"},
            {0x0000010C, "STATUS_NOTIFY_ENUM_DIR"},
            {0x80000005, "STATUS_BUFFER_OVERFLOW"},
            {0x80000006, "STATUS_NO_MORE_FILES"},
            {0x8000002D, "STATUS_STOPPED_ON_SYMLINK"},
            {0xC0000001, "STATUS_UNSUCCESSFUL"},
            {0xC0000002, "STATUS_NOT_IMPLEMENTED"},
            {0xC0000003, "STATUS_INVALID_INFO_CLASS"},
            {0xC0000004, "STATUS_INFO_LENGTH_MISMATCH"},
            {0xC0000008, "STATUS_INVALID_HANDLE"},
            {0xC000000D, "STATUS_INVALID_PARAMETER"},
            {0xC000000F, "STATUS_NO_SUCH_FILE"},
            {0xC0000010, "STATUS_INVALID_DEVICE_REQUEST"},
            {0xC0000011, "STATUS_END_OF_FILE"},
            {0xC0000016, "STATUS_MORE_PROCESSING_REQUIRED"},
            {0xC0000022, "STATUS_ACCESS_DENIED"},
            {0xC0000023, "STATUS_BUFFER_TOO_SMALL"},
            {0xC0000033, "STATUS_OBJECT_NAME_INVALID"},
            {0xC0000034, "STATUS_OBJECT_NAME_NOT_FOUND"},
            {0xC0000035, "STATUS_OBJECT_NAME_COLLISION"},
            {0xC0000039, "STATUS_OBJECT_PATH_INVALID"},
            {0xC000003A, "STATUS_OBJECT_PATH_NOT_FOUND"},
            {0xC0000043, "STATUS_SHARING_VIOLATION"},
            {0xC0000054, "STATUS_FILE_LOCK_CONFLICT"},
            {0xC0000055, "STATUS_LOCK_NOT_GRANTED"},
            {0xC0000056, "STATUS_DELETE_PENDING"},
            {0xC000005F, "STATUS_NO_SUCH_LOGON_SESSION"},
            {0xC0000061, "STATUS_PRIVILEGE_NOT_HELD"},
            {0xC000006A, "STATUS_WRONG_PASSWORD"},
            {0xC000006D, "STATUS_LOGON_FAILURE"},
            {0xC000006E, "STATUS_ACCOUNT_RESTRICTION"},
            {0xC0000071, "STATUS_PASSWORD_EXPIRED"},
            {0xC0000072, "STATUS_ACCOUNT_DISABLED"},
            {0xC000007E, "STATUS_RANGE_NOT_LOCKED"},
            {0xC000007F, "STATUS_DISK_FULL"},
            {0xC000009A, "STATUS_INSUFFICIENT_RESOURCES"},
            {0xC00000A5, "STATUS_BAD_IMPERSONATION_LEVEL"},
            {0xC00000B5, "STATUS_IO_TIMEOUT"},
            {0xC00000BA, "STATUS_FILE_IS_A_DIRECTORY"},
            {0xC00000BB, "STATUS_NOT_SUPPORTED"},
            {0xC00000C9, "STATUS_NETWORK_NAME_DELETED"},
            {0xC00000CC, "STATUS_BAD_NETWORK_NAME"},
            {0xC00000D0, "STATUS_REQUEST_NOT_ACCEPTED"},
            {0xC00000E2, "STATUS_OPLOCK_NOT_GRANTED"},
            {0xC0000101, "STATUS_DIRECTORY_NOT_EMPTY"},
            {0xC0000103, "STATUS_NOT_A_DIRECTORY"},
            {0xC0000120, "STATUS_CANCELLED"},
            {0xC0000121, "STATUS_CANNOT_DELETE"},
            {0xC0000123, "STATUS_FILE_DELETED"},
            {0xC0000128, "STATUS_FILE_CLOSED"},
            {0xC0000184, "STATUS_INVALID_DEVICE_STATE"},
            {0xC0000193, "STATUS_ACCOUNT_EXPIRED"},
            {0xC000019C, "STATUS_FS_DRIVER_REQUIRED"},
            {0xC0000203, "STATUS_USER_SESSION_DELETED"},
            {0xC0000224, "STATUS_PASSWORD_MUST_CHANGE"},
            {0xC0000225, "STATUS_NOT_FOUND"},
            {0xC0000234, "STATUS_ACCOUNT_LOCKED_OUT"},
            {0xC0000257, "STATUS_PATH_NOT_COVERED"},
            {0xC000035C, "STATUS_NETWORK_SESSION_EXPIRED"},
            {0xC0000466, "STATUS_SERVER_UNAVAILABLE"},
            {0xC0000467, "STATUS_FILE_NOT_AVAILABLE"},
        };
        for (Object[] row : table) {
            NAMES.put((Integer) row[0], (String) row[1]);
            CODES.put((String) row[1], (Integer) row[0]);
        }
    }

    private NtStatus() {}

    /** The name of {@code code}, or its hex form ("0xC0001234") when unknown. */
    public static String describe(int code) {
        String name = NAMES.get(code);
        return name != null ? name : String.format("0x%08X", code);
    }

    /** The code of a status name exactly as MS-ERREF spells it ("STATUS_SUCCESS"), or null. */
    public static Integer codeOf(String name) {
        return CODES.get(name);
    }

    /** Every known name with its code, in code order. */
    public static Map<String, Integer> names() {
        return java.util.Collections.unmodifiableMap(CODES);
    }

    /** Parses "STATUS_SUCCESS" (case-insensitive) or a hex value "0xC0000034". */
    public static OptionalInt parse(String nameOrHex) {
        String text = nameOrHex.trim();
        if (text.regionMatches(true, 0, "0x", 0, 2)) {
            try {
                return OptionalInt.of((int) Long.parseLong(text.substring(2), 16));
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        Integer code = CODES.get(text.toUpperCase(Locale.ROOT));
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }
}
