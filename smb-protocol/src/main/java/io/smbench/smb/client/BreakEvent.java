package io.smbench.smb.client;

/**
 * One oplock or lease break as the client saw it.
 *
 * @param kind "oplock" or "lease"
 * @param path the open's name on the share
 * @param from the level or lease state held ("Batch", "RWH")
 * @param to the level or state the server broke it to
 * @param epoch the new lease epoch (lease v2), or -1
 * @param receivedNanos {@link System#nanoTime()} when the notification arrived
 * @param acknowledged how the client answered: "immediately", "after N ms", "never (policy)",
 *     "not needed ..."
 * @param sessionId the SessionId of the session that holds the open or lease (several sessions may
 *     share a connection, MS-SMB2 3.2.1.2 Connection.SessionTable), or 0 when no open matched
 */
public record BreakEvent(String kind, String path, String from, String to, int epoch, long receivedNanos,
        String acknowledged, long sessionId) {
    /** An oplock level's name: None, LevelII, Exclusive, Batch, Lease. */
    public static String levelName(int level) {
        return switch (level) {
            case 0x00 -> "None";
            case 0x01 -> "LevelII";
            case 0x08 -> "Exclusive";
            case 0x09 -> "Batch";
            case 0xFF -> "Lease";
            default -> String.format("0x%02X", level);
        };
    }
}
