package io.smbench.smb.mssmb2;

import java.util.ArrayList;
import java.util.List;

/** Bit fields of NEGOTIATE, SESSION_SETUP and TREE_CONNECT (MS-SMB2 2.2.3 to 2.2.10) and their names for reports. */
public final class Smb2Flags {
    public static final int SIGNING_ENABLED = 0x0001;
    public static final int SIGNING_REQUIRED = 0x0002;

    public static final int CAP_DFS = 0x00000001;
    public static final int CAP_LEASING = 0x00000002;
    public static final int CAP_LARGE_MTU = 0x00000004;
    public static final int CAP_MULTI_CHANNEL = 0x00000008;
    public static final int CAP_PERSISTENT_HANDLES = 0x00000010;
    public static final int CAP_DIRECTORY_LEASING = 0x00000020;
    public static final int CAP_ENCRYPTION = 0x00000040;
    public static final int CAP_NOTIFICATIONS = 0x00000080;

    /** SMB2_SESSION_FLAG_BINDING in a SESSION_SETUP request's Flags (MS-SMB2 2.2.5). */
    public static final int SESSION_FLAG_BINDING = 0x01;

    public static final int SESSION_IS_GUEST = 0x0001;
    public static final int SESSION_IS_NULL = 0x0002;
    public static final int SESSION_ENCRYPT_DATA = 0x0004;

    public static final int SHARE_FLAG_DFS = 0x00000001;
    public static final int SHARE_FLAG_DFS_ROOT = 0x00000002;
    public static final int SHARE_FLAG_ENCRYPT_DATA = 0x00008000;

    private static final String[] SECURITY_MODE = {"SIGNING_ENABLED", "SIGNING_REQUIRED"};
    private static final String[] CAPABILITIES = {"DFS", "LEASING", "LARGE_MTU", "MULTI_CHANNEL", "PERSISTENT_HANDLES",
        "DIRECTORY_LEASING", "ENCRYPTION", "NOTIFICATIONS"};
    private static final String[] SESSION = {"IS_GUEST", "IS_NULL", "ENCRYPT_DATA"};
    private static final String[] SHARE_CAPABILITIES = {null, null, null, "DFS", "CONTINUOUS_AVAILABILITY", "SCALEOUT",
        "CLUSTER", "ASYMMETRIC", "REDIRECT_TO_OWNER"};

    private Smb2Flags() {}

    public static List<String> securityMode(int bits) {
        return names(bits, SECURITY_MODE);
    }

    public static List<String> capabilities(int bits) {
        return names(bits, CAPABILITIES);
    }

    public static List<String> sessionFlags(int bits) {
        return names(bits, SESSION);
    }

    public static List<String> shareCapabilities(int bits) {
        return names(bits, SHARE_CAPABILITIES);
    }

    /** ShareFlags of TREE_CONNECT response (2.2.10), including the caching policy in bits 4-5. */
    public static List<String> shareFlags(int bits) {
        List<String> names = new ArrayList<>();
        String[][] known = {{"1", "DFS"}, {"2", "DFS_ROOT"}, {"100", "RESTRICT_EXCLUSIVE_OPENS"},
            {"200", "FORCE_SHARED_DELETE"}, {"400", "ALLOW_NAMESPACE_CACHING"}, {"800", "ACCESS_BASED_DIRECTORY_ENUM"},
            {"1000", "FORCE_LEVELII_OPLOCK"}, {"2000", "ENABLE_HASH_V1"}, {"4000", "ENABLE_HASH_V2"},
            {"8000", "ENCRYPT_DATA"}, {"40000", "IDENTITY_REMOTING"}, {"100000", "COMPRESS_DATA"},
            {"200000", "ISOLATED_TRANSPORT"}};
        int rest = bits & ~0x30;
        for (String[] entry : known) {
            int bit = Integer.parseInt(entry[0], 16);
            if ((rest & bit) != 0) {
                names.add(entry[1]);
                rest &= ~bit;
            }
        }
        String[] caching = {"MANUAL_CACHING", "AUTO_CACHING", "VDO_CACHING", "NO_CACHING"};
        names.add(caching[(bits >>> 4) & 3]);
        if (rest != 0) {
            names.add(String.format("0x%X", rest));
        }
        return names;
    }

    private static List<String> names(int bits, String[] table) {
        List<String> names = new ArrayList<>();
        int rest = bits;
        for (int i = 0; i < table.length; i++) {
            if ((bits & (1 << i)) != 0 && table[i] != null) {
                names.add(table[i]);
                rest &= ~(1 << i);
            }
        }
        if (rest != 0) {
            names.add(String.format("0x%X", rest));
        }
        return names;
    }
}
