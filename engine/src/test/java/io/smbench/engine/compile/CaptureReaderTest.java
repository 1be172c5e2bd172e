package io.smbench.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers against public sample captures (src/test/resources/captures/SOURCES.md). */
class CaptureReaderTest {
    /** Zeek's BSD-licensed test traces, copied with their provenance (captures/SOURCES.md). */
    static final Path CAPTURES = Path.of("src", "test", "resources", "captures");

    @TempDir
    Path dir;

    private static List<CapturedPacket> readAll(Path file) throws IOException {
        List<CapturedPacket> packets = new ArrayList<>();
        try (CaptureReader reader = CaptureReader.open(file)) {
            CapturedPacket packet;
            while ((packet = reader.next()) != null) {
                packets.add(packet);
            }
        }
        return packets;
    }

    @Test
    void shouldReadPcapAndDecodeTcpToPort445() throws IOException {
        List<CapturedPacket> packets = readAll(CAPTURES.resolve("zeek-smb2.pcap"));
        assertThat(packets).isNotEmpty();
        assertThat(packets.get(0).number()).isEqualTo(1);
        PacketDecoder decoder = new PacketDecoder();
        long smb = packets.stream().map(decoder::decode)
                .filter(s -> s != null && (s.sourcePort() == 445 || s.destinationPort() == 445)).count();
        assertThat(smb).isPositive();
        assertThat(packets.get(1).timestampNanos()).isGreaterThanOrEqualTo(packets.get(0).timestampNanos());
    }

    @Test
    void shouldReadPcapng() throws IOException {
        List<CapturedPacket> packets = readAll(CAPTURES.resolve("zeek-smb2-zero-byte-error-ioctl.pcapng"));
        assertThat(packets).hasSizeGreaterThan(10);
        PacketDecoder decoder = new PacketDecoder();
        assertThat(packets.stream().map(decoder::decode).filter(s -> s != null && s.payload().length > 0).count())
                .isPositive();
    }

    @Test
    void shouldNamePacketAndOffsetWhenCutInsideARecord() throws IOException {
        Path original = CAPTURES.resolve("zeek-smb2.pcap");
        byte[] whole = Files.readAllBytes(original);
        java.util.Set<Long> boundaries = new java.util.HashSet<>();
        try (CaptureReader reader = CaptureReader.open(original)) {
            boundaries.add(reader.bytesRead());
            while (reader.next() != null) {
                boundaries.add(reader.bytesRead());
            }
        }
        int checked = 0;
        for (int cut = 1; cut < whole.length; cut += Math.max(1, whole.length / 61)) {
            Path file = dir.resolve("cut.pcap");
            Files.write(file, java.util.Arrays.copyOf(whole, cut));
            if (boundaries.contains((long) cut)) {
                assertThat(readAll(file)).as("a cut between records is a shorter valid capture").isNotNull();
                continue;
            }
            int at = cut;
            assertThatThrownBy(() -> readAll(file)).as("cut at %d", at)
                    .isInstanceOf(CaptureFormatException.class)
                    .hasMessageMatching("packet \\d+ \\(byte offset \\d+\\): .*");
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void shouldRefuseWrongMagicAndNameIt() throws IOException {
        Path file = dir.resolve("not.pcap");
        Files.writeString(file, "GIF89a this is not a capture");
        assertThatThrownBy(() -> CaptureReader.open(file)).isInstanceOf(CaptureFormatException.class)
                .hasMessageContaining("magic number 0x47494638");
    }

    @Test
    void shouldSurviveRandomGarbageAfterAValidHeader() throws IOException {
        byte[] whole = Files.readAllBytes(CAPTURES.resolve("zeek-smb2.pcap"));
        java.util.Random random = new java.util.Random(1);
        for (int round = 0; round < 200; round++) {
            byte[] bytes = whole.clone();
            for (int i = 0; i < 20; i++) {
                bytes[24 + random.nextInt(bytes.length - 24)] = (byte) random.nextInt(256);
            }
            Path file = dir.resolve("garbage.pcap");
            Files.write(file, bytes);
            try {
                PacketDecoder decoder = new PacketDecoder();
                for (CapturedPacket packet : readAll(file)) {
                    decoder.decode(packet);
                }
            } catch (CaptureFormatException expected) {
                assertThat(expected.getMessage()).startsWith("packet ");
            }
        }
    }
}
