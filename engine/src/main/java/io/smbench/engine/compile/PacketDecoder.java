package io.smbench.engine.compile;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Decodes a captured frame down to its TCP segment: link layer (Ethernet with 802.1Q/802.1ad tags,
 * BSD null/loopback, raw IPv4/IPv6, Linux cooked SLL and SLL2), IPv4 (fragments are counted and
 * skipped) or IPv6 (extension headers skipped), then TCP. Frames that are not TCP give null.
 */
public final class PacketDecoder {
    private long nonTcp;
    private long fragments;
    private long unknownLink;

    /** The TCP segment in {@code packet}, or null when it carries none. */
    public TcpSegment decode(CapturedPacket packet) {
        byte[] d = packet.data();
        int ipAt;
        switch (packet.linkType()) {
            case 1 -> { // Ethernet
                if (d.length < 14) {
                    return skip();
                }
                int at = 12;
                int type = u16(d, at);
                while ((type == 0x8100 || type == 0x88A8) && at + 6 <= d.length) {
                    at += 4;
                    type = u16(d, at);
                }
                if (type != 0x0800 && type != 0x86DD) {
                    return skip();
                }
                ipAt = at + 2;
            }
            case 0 -> ipAt = 4; // BSD loopback: 4-byte address family, then IP
            case 101, 228, 229 -> ipAt = 0; // raw IP
            case 113 -> ipAt = 16; // Linux cooked v1
            case 276 -> ipAt = 20; // Linux cooked v2
            default -> {
                unknownLink++;
                return null;
            }
        }
        if (ipAt >= d.length) {
            return skip();
        }
        int version = (d[ipAt] & 0xF0) >>> 4;
        return version == 4 ? ipv4(packet, d, ipAt) : version == 6 ? ipv6(packet, d, ipAt) : skip();
    }

    private TcpSegment ipv4(CapturedPacket packet, byte[] d, int at) {
        if (at + 20 > d.length) {
            return skip();
        }
        int headerLength = (d[at] & 0x0F) * 4;
        int totalLength = u16(d, at + 2);
        int fragment = u16(d, at + 6);
        if ((fragment & 0x3FFF) != 0) {
            fragments++;
            return null;
        }
        if (d[at + 9] != 6) {
            return skip();
        }
        String source = address(d, at + 12, 4);
        String destination = address(d, at + 16, 4);
        int end = Math.min(d.length, at + Math.max(totalLength, headerLength));
        return tcp(packet, d, at + headerLength, end, source, destination, at + totalLength > d.length);
    }

    private TcpSegment ipv6(CapturedPacket packet, byte[] d, int at) {
        if (at + 40 > d.length) {
            return skip();
        }
        int payloadLength = u16(d, at + 4);
        int next = d[at + 6] & 0xFF;
        String source = address(d, at + 8, 16);
        String destination = address(d, at + 24, 16);
        int end = Math.min(d.length, at + 40 + payloadLength);
        int header = at + 40;
        while ((next == 0 || next == 43 || next == 60) && header + 2 <= end) {
            next = d[header] & 0xFF;
            header += (d[header + 1] & 0xFF) * 8 + 8;
        }
        if (next == 44) {
            fragments++;
            return null;
        }
        if (next != 6) {
            return skip();
        }
        return tcp(packet, d, header, end, source, destination, at + 40 + payloadLength > d.length);
    }

    private TcpSegment tcp(CapturedPacket packet, byte[] d, int at, int end, String source, String destination,
            boolean cut) {
        if (at + 20 > end) {
            return skip();
        }
        int dataOffset = ((d[at + 12] & 0xF0) >>> 4) * 4;
        int flags = d[at + 13] & 0x3F;
        long sequence = ((long) u16(d, at + 4) << 16 | u16(d, at + 6)) & 0xFFFFFFFFL;
        int payloadAt = Math.min(end, at + dataOffset);
        byte[] payload = java.util.Arrays.copyOfRange(d, payloadAt, end);
        return new TcpSegment(packet.number(), packet.timestampNanos(), source, u16(d, at), destination,
                u16(d, at + 2), sequence, flags, payload, cut || packet.truncated());
    }

    private TcpSegment skip() {
        nonTcp++;
        return null;
    }

    private static String address(byte[] d, int at, int length) {
        try {
            return InetAddress.getByAddress(java.util.Arrays.copyOfRange(d, at, at + length)).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int u16(byte[] d, int at) {
        return (d[at] & 0xFF) << 8 | (d[at + 1] & 0xFF);
    }

    public long nonTcpFrames() {
        return nonTcp;
    }

    public long ipFragments() {
        return fragments;
    }

    public long unknownLinkTypeFrames() {
        return unknownLink;
    }
}
