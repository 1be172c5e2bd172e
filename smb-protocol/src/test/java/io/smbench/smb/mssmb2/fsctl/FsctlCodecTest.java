package io.smbench.smb.mssmb2.fsctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smbench.smb.mssmb2.Smb2DecodeException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FSCTL buffers against bytes laid out field by field from MS-SMB2 2.2.31.1, 2.2.32.1, 2.2.32.3, 2.2.32.5. */
class FsctlCodecTest {
    private static final HexFormat HEX = HexFormat.of();

    /** Two entries as 2.2.32.5 lays them out: an IPv4 address (Next = 152) then an IPv6 one (Next = 0). */
    private static byte[] twoInterfaces() {
        String ipv4 = "98000000" // Next: 152
                + "03000000" // IfIndex 3
                + "01000000" // Capability RSS_CAPABLE
                + "00000000" // Reserved
                + "00ca9a3b00000000" // LinkSpeed 1,000,000,000
                + "0200" + "01bd" + "7f000002" + "0000000000000000"; // AF_INET, port 445, 127.0.0.2, reserved
        String ipv6 = "00000000" + "04000000" + "00000000" + "00000000" + "00e40b5402000000" // 10 Gbit/s
                + "1700" + "0000" + "00000000" + "00000000000000000000000000000001" + "00000000";
        byte[] entry1 = pad(HEX.parseHex(ipv4), 152);
        byte[] entry2 = pad(HEX.parseHex(ipv6), 152);
        byte[] out = new byte[304];
        System.arraycopy(entry1, 0, out, 0, 152);
        System.arraycopy(entry2, 0, out, 152, 152);
        return out;
    }

    private static byte[] pad(byte[] bytes, int length) {
        byte[] out = new byte[length];
        System.arraycopy(bytes, 0, out, 0, bytes.length);
        return out;
    }

    @Test
    void shouldDecodeNetworkInterfaceEntriesOfBothFamilies() throws Exception {
        List<NetworkInterfaceInfo> entries = NetworkInterfaceInfo.decodeAll(twoInterfaces());
        assertThat(entries).containsExactly(
                new NetworkInterfaceInfo(3, NetworkInterfaceInfo.RSS_CAPABLE, 1_000_000_000L,
                        new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 445)),
                new NetworkInterfaceInfo(4, 0, 10_000_000_000L,
                        new InetSocketAddress(InetAddress.getByName("::1"), 0)));
    }

    @Test
    void shouldEncodeNetworkInterfacesAsTheSpecLaysThemOut() {
        byte[] expected = twoInterfaces();
        assertThat(HEX.formatHex(NetworkInterfaceInfo.encodeAll(NetworkInterfaceInfo.decodeAll(expected))))
                .isEqualTo(HEX.formatHex(expected));
    }

    @Test
    void shouldRejectANextOffsetThatIsNotAligned() {
        byte[] bytes = twoInterfaces();
        bytes[0] = (byte) 0x9C; // 156: past the entry, but not 8-byte aligned
        assertThatThrownBy(() -> NetworkInterfaceInfo.decodeAll(bytes)).isInstanceOf(Smb2DecodeException.class)
                .hasMessageContaining("field Next at byte offset 0").hasMessageContaining("8-byte aligned");
    }

    @Test
    void shouldRejectAnEntryCutShortAndAnUnknownFamily() {
        byte[] cut = java.util.Arrays.copyOf(twoInterfaces(), 200);
        assertThatThrownBy(() -> NetworkInterfaceInfo.decodeAll(cut)).isInstanceOf(Smb2DecodeException.class)
                .hasMessageContaining("entry 1 at byte offset 152 needs 152 bytes but the output buffer holds 200");
        byte[] family = twoInterfaces();
        family[24] = 0x1E;
        assertThatThrownBy(() -> NetworkInterfaceInfo.decodeAll(family)).isInstanceOf(Smb2DecodeException.class)
                .hasMessageContaining("SockAddr_Storage.Family at byte offset 24 is 0x1e");
    }

    @Test
    void shouldEncodeCopyChunkAsSrvCopychunkCopy() {
        byte[] key = new byte[24];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i + 1);
        }
        byte[] encoded = new CopyChunk(ResumeKey.of(key), List.of(
                new CopyChunk.Range(0, 0x10000, 4096), new CopyChunk.Range(0x200000000L, 5, 1))).encode();
        String expected = HEX.formatHex(key)
                + "02000000" + "00000000" // ChunkCount 2, Reserved
                + "0000000000000000" + "0000010000000000" + "00100000" + "00000000"
                + "0000000002000000" + "0500000000000000" + "01000000" + "00000000";
        assertThat(HEX.formatHex(encoded)).isEqualTo(expected);
    }

    @Test
    void shouldDecodeCopyChunkResultAndResumeKey() {
        CopyChunk.Result result = CopyChunk.Result.decode(HEX.parseHex("100000000000100000000001"), true);
        assertThat(result).isEqualTo(new CopyChunk.Result(16, 0x100000, 0x1000000, true));
        byte[] response = HEX.parseHex("0102030405060708090a0b0c0d0e0f101112131415161718" + "04000000" + "00000000");
        assertThat(ResumeKey.decode(response).bytes()).hasSize(24).startsWith(1, 2, 3).endsWith(0x18);
        assertThatThrownBy(() -> ResumeKey.decode(new byte[20])).isInstanceOf(Smb2DecodeException.class)
                .hasMessageContaining("SRV_REQUEST_RESUME_KEY response");
        assertThatThrownBy(() -> CopyChunk.Result.decode(new byte[8], false)).isInstanceOf(Smb2DecodeException.class);
    }

    @Test
    void shouldNameKnownControlCodes() {
        assertThat(FsctlCodes.name(0x001401FC)).isEqualTo("FSCTL_QUERY_NETWORK_INTERFACE_INFO");
        assertThat(FsctlCodes.name(0x001440F2)).isEqualTo("FSCTL_SRV_COPYCHUNK");
        assertThat(FsctlCodes.name(0x12345678)).isEqualTo("0x12345678");
        assertThat(SetSparse.encode(false)).containsExactly(0);
    }
}
