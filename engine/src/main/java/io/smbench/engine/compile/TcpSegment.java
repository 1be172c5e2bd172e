package io.smbench.engine.compile;

/**
 * A TCP segment taken from a captured packet.
 *
 * @param flags the TCP flag bits (FIN 0x01, SYN 0x02, RST 0x04, ACK 0x10)
 * @param truncated the capture's snaplen cut the payload
 */
public record TcpSegment(long packetNumber, long timestampNanos, String sourceAddress, int sourcePort,
        String destinationAddress, int destinationPort, long sequence, int flags, byte[] payload, boolean truncated) {
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;

    /** "10.0.0.1:49152" */
    public String source() {
        return endpoint(sourceAddress, sourcePort);
    }

    public String destination() {
        return endpoint(destinationAddress, destinationPort);
    }

    private static String endpoint(String address, int port) {
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }
}
