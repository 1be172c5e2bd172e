package io.smbench.smb.mssmb2;

/** SMB2 command codes (MS-SMB2 2.2.1.2, Command field). */
public final class Smb2Command {
    public static final int NEGOTIATE = 0x0000;
    public static final int SESSION_SETUP = 0x0001;
    public static final int LOGOFF = 0x0002;
    public static final int TREE_CONNECT = 0x0003;
    public static final int TREE_DISCONNECT = 0x0004;
    public static final int CREATE = 0x0005;
    public static final int CLOSE = 0x0006;
    public static final int FLUSH = 0x0007;
    public static final int READ = 0x0008;
    public static final int WRITE = 0x0009;
    public static final int LOCK = 0x000A;
    public static final int IOCTL = 0x000B;
    public static final int CANCEL = 0x000C;
    public static final int ECHO = 0x000D;
    public static final int QUERY_DIRECTORY = 0x000E;
    public static final int CHANGE_NOTIFY = 0x000F;
    public static final int QUERY_INFO = 0x0010;
    public static final int SET_INFO = 0x0011;
    public static final int OPLOCK_BREAK = 0x0012;

    private static final String[] NAMES = {"NEGOTIATE", "SESSION_SETUP", "LOGOFF", "TREE_CONNECT", "TREE_DISCONNECT",
        "CREATE", "CLOSE", "FLUSH", "READ", "WRITE", "LOCK", "IOCTL", "CANCEL", "ECHO", "QUERY_DIRECTORY",
        "CHANGE_NOTIFY", "QUERY_INFO", "SET_INFO", "OPLOCK_BREAK"};

    private Smb2Command() {}

    /** The command's name, or its hex code when unknown. */
    public static String name(int command) {
        return command >= 0 && command < NAMES.length ? NAMES[command] : String.format("0x%04X", command);
    }
}
