package io.smbench.engine.compile;

/**
 * One captured frame.
 *
 * @param number 1-based, as Wireshark numbers frames
 * @param timestampNanos capture time, nanoseconds since the epoch
 * @param linkType the interface's LINKTYPE_ value (1 Ethernet, 113 SLL, 276 SLL2, 101 raw IP, 0 null)
 * @param data the captured bytes (possibly fewer than on the wire when the snaplen cut them)
 * @param originalLength the frame's length on the wire
 */
public record CapturedPacket(long number, long timestampNanos, int linkType, byte[] data, int originalLength) {
    public boolean truncated() {
        return data.length < originalLength;
    }
}
