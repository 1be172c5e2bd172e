package io.smbench.smb.mssmb2.fsctl;

import io.smbench.smb.mssmb2.Smb2DecodeException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One NETWORK_INTERFACE_INFO entry of a FSCTL_QUERY_NETWORK_INTERFACE_INFO response (MS-SMB2
 * 2.2.32.5): Next (4), IfIndex (4), Capability (4), Reserved (4), LinkSpeed (8, bits per second),
 * SockAddr_Storage (128: Family (2), then for AF_INET Port, IPv4Address (2.2.32.5.1.1), for
 * AF_INET6 Port, FlowInfo, IPv6Address, ScopeId (2.2.32.5.1.2)). A client picks the addresses it
 * binds further channels to from these (3.2.4.20.10, 3.2.5.14.11).
 *
 * @param ifIndex the server's interface index (the same for every address of one interface)
 * @param capability RSS_CAPABLE (1) and RDMA_CAPABLE (2)
 * @param linkSpeed bits per second
 * @param address the interface's address; its port is the one the server put there (often 0)
 */
public record NetworkInterfaceInfo(int ifIndex, int capability, long linkSpeed, InetSocketAddress address) {
    public static final int RSS_CAPABLE = 0x1;
    public static final int RDMA_CAPABLE = 0x2;
    static final int ENTRY_LENGTH = 152;
    private static final int AF_INET = 0x0002;
    private static final int AF_INET6 = 0x0017;
    private static final String STRUCTURE = "NETWORK_INTERFACE_INFO";

    /** Every entry of the response's output buffer, following Next until it is zero. */
    public static List<NetworkInterfaceInfo> decodeAll(byte[] output) {
        List<NetworkInterfaceInfo> entries = new ArrayList<>();
        int at = 0;
        while (true) {
            FsctlBuffers.require(output, at, ENTRY_LENGTH, STRUCTURE, "entry " + entries.size());
            entries.add(decodeEntry(output, at));
            long next = Integer.toUnsignedLong(ByteBuffer.wrap(output).order(ByteOrder.LITTLE_ENDIAN).getInt(at));
            if (next == 0) {
                return entries;
            }
            if (next < ENTRY_LENGTH || next % 8 != 0) {
                throw new Smb2DecodeException(STRUCTURE + ": field Next at byte offset " + at + " is " + next
                        + "; expected 0 or an 8-byte aligned offset of at least " + ENTRY_LENGTH);
            }
            at += (int) Math.min(next, Integer.MAX_VALUE - at);
        }
    }

    private static NetworkInterfaceInfo decodeEntry(byte[] b, int at) {
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int family = le.getShort(at + 24) & 0xFFFF;
        int port = (b[at + 26] & 0xFF) << 8 | (b[at + 27] & 0xFF); // network byte order, as in sockaddr
        byte[] ip = switch (family) {
            case AF_INET -> Arrays.copyOfRange(b, at + 28, at + 32);
            case AF_INET6 -> Arrays.copyOfRange(b, at + 32, at + 48);
            default -> throw new Smb2DecodeException(STRUCTURE + ": field SockAddr_Storage.Family at byte offset "
                    + (at + 24) + " is 0x" + Integer.toHexString(family) + "; expected 0x2 (AF_INET) or 0x17 (AF_INET6)");
        };
        try {
            return new NetworkInterfaceInfo(le.getInt(at + 4), le.getInt(at + 8), le.getLong(at + 16), new InetSocketAddress(InetAddress.getByAddress(ip), port));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible); // only thrown for a wrong address length
        }
    }

    /** Encodes entries as a server would (for tests and the fake server). */
    public static byte[] encodeAll(List<NetworkInterfaceInfo> entries) {
        byte[] out = new byte[ENTRY_LENGTH * entries.size()];
        ByteBuffer le = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < entries.size(); i++) {
            NetworkInterfaceInfo entry = entries.get(i);
            int at = i * ENTRY_LENGTH;
            le.putInt(at, i + 1 < entries.size() ? ENTRY_LENGTH : 0);
            le.putInt(at + 4, entry.ifIndex);
            le.putInt(at + 8, entry.capability);
            le.putLong(at + 16, entry.linkSpeed);
            byte[] ip = entry.address.getAddress().getAddress();
            int family = ip.length == 4 ? AF_INET : AF_INET6;
            out[at + 24] = (byte) family;
            out[at + 26] = (byte) (entry.address.getPort() >>> 8);
            out[at + 27] = (byte) entry.address.getPort();
            System.arraycopy(ip, 0, out, at + (family == AF_INET ? 28 : 32), ip.length);
        }
        return out;
    }
}
