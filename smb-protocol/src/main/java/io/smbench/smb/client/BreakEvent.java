package io.smbench.smb.client;

/**
 * One oplock break as the client saw it.
 *
 * @param path the open's name on the share
 * @param fromLevel the oplock level the open held (MS-SMB2 2.2.14 OplockLevel)
 * @param toLevel the level the server broke it to
 * @param receivedNanos {@link System#nanoTime()} when the notification arrived
 * @param acknowledged whether (and how) the client acknowledged: "immediately", "after N ms",
 *     "never (policy)", "not needed (Level II to None)"
 */
public record BreakEvent(String path, int fromLevel, int toLevel, long receivedNanos, String acknowledged) {
    /** The level's name: None, LevelII, Exclusive, Batch, Lease. */
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
