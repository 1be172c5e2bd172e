package io.smbench.smb.mssmb2.fsctl;

/** The FSCTL control codes of MS-SMB2 2.2.31 (CtlCode) and MS-FSCC 2.3 that the client issues by name. */
public final class FsctlCodes {
    /** FSCTL_DFS_GET_REFERRALS (MS-DFSC 3.1.5.1). */
    public static final int DFS_GET_REFERRALS = 0x00060194;
    /** FSCTL_PIPE_PEEK (MS-FSCC 2.3.37). */
    public static final int PIPE_PEEK = 0x0011400C;
    /** FSCTL_PIPE_TRANSCEIVE (MS-FSCC 2.3.41): write a named-pipe message and read the reply. */
    public static final int PIPE_TRANSCEIVE = 0x0011C017;
    /** FSCTL_SRV_REQUEST_RESUME_KEY (MS-SMB2 2.2.31, 2.2.32.3). */
    public static final int SRV_REQUEST_RESUME_KEY = 0x00140078;
    /** FSCTL_SRV_COPYCHUNK (MS-SMB2 2.2.31.1): needs read access on the target. */
    public static final int SRV_COPYCHUNK = 0x001440F2;
    /** FSCTL_SRV_COPYCHUNK_WRITE (MS-SMB2 2.2.31.1): for a target opened for write only. */
    public static final int SRV_COPYCHUNK_WRITE = 0x001480F2;
    /** FSCTL_QUERY_NETWORK_INTERFACE_INFO (MS-SMB2 2.2.31, 2.2.32.5). */
    public static final int QUERY_NETWORK_INTERFACE_INFO = 0x001401FC;
    /** FSCTL_VALIDATE_NEGOTIATE_INFO (MS-SMB2 2.2.31.4). */
    public static final int VALIDATE_NEGOTIATE_INFO = 0x00140204;
    /** FSCTL_SET_SPARSE (MS-FSCC 2.3.64). */
    public static final int SET_SPARSE = 0x000900C4;
    /** FSCTL_SET_ZERO_DATA (MS-FSCC 2.3.70). */
    public static final int SET_ZERO_DATA = 0x000980C8;
    /** FSCTL_QUERY_ALLOCATED_RANGES (MS-FSCC 2.3.39). */
    public static final int QUERY_ALLOCATED_RANGES = 0x000940CF;

    private FsctlCodes() {
    }

    /** The FSCTL's name for reports, or its hexadecimal code when it is not one of the above. */
    public static String name(int code) {
        return switch (code) {
            case DFS_GET_REFERRALS -> "FSCTL_DFS_GET_REFERRALS";
            case PIPE_PEEK -> "FSCTL_PIPE_PEEK";
            case PIPE_TRANSCEIVE -> "FSCTL_PIPE_TRANSCEIVE";
            case SRV_REQUEST_RESUME_KEY -> "FSCTL_SRV_REQUEST_RESUME_KEY";
            case SRV_COPYCHUNK -> "FSCTL_SRV_COPYCHUNK";
            case SRV_COPYCHUNK_WRITE -> "FSCTL_SRV_COPYCHUNK_WRITE";
            case QUERY_NETWORK_INTERFACE_INFO -> "FSCTL_QUERY_NETWORK_INTERFACE_INFO";
            case VALIDATE_NEGOTIATE_INFO -> "FSCTL_VALIDATE_NEGOTIATE_INFO";
            case SET_SPARSE -> "FSCTL_SET_SPARSE";
            case SET_ZERO_DATA -> "FSCTL_SET_ZERO_DATA";
            case QUERY_ALLOCATED_RANGES -> "FSCTL_QUERY_ALLOCATED_RANGES";
            default -> String.format("0x%08X", code);
        };
    }
}
