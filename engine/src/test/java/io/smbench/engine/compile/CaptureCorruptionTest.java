package io.smbench.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smbench.engine.ir.WorkloadValidator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole compiler on damaged copies of the vendored captures (one pcap, one pcapng): cut at every
 * record or block boundary and at offsets inside blocks, with a wrong magic, random bytes, and
 * random bytes flipped inside. A cut at a boundary is a shorter capture; a cut inside a record after
 * a complete packet compiles the complete prefix with a "truncated" note naming the packet and
 * byte offset; a cut before any packet and corruption end in a {@link CaptureFormatException}
 * naming them. No other exception escapes. Boundaries are found here by walking the file format,
 * independently of the readers.
 */
class CaptureCorruptionTest {
    private static final Path PCAP = CaptureReaderTest.CAPTURES.resolve("zeek-smb2.pcap");
    private static final Path PCAPNG = CaptureReaderTest.CAPTURES.resolve("zeek-smb2-zero-byte-error-ioctl.pcapng");

    @TempDir
    Path dir;

    /** A record or block boundary: its byte offset and the packets before it. */
    private record Boundary(long offset, long packetsBefore) {}

    @Test
    void shouldCompileOrNameTheCutAtEveryPcapRecordBoundaryAndInsideRecords() throws IOException {
        byte[] whole = Files.readAllBytes(PCAP);
        List<Boundary> boundaries = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(whole).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(0)).isEqualTo(0xA1B2C3D4);
        long packets = 0;
        for (int at = 24; at <= whole.length; at += 16 + b.getInt(at + 8), packets++) {
            boundaries.add(new Boundary(at, packets));
            if (at == whole.length) {
                break;
            }
        }
        assertThat(boundaries.get(boundaries.size() - 1).offset()).isEqualTo(whole.length);
        checkCuts(whole, boundaries, "cut.pcap");
    }

    @Test
    void shouldCompileOrNameTheCutAtEveryPcapngBlockBoundaryAndInsideBlocks() throws IOException {
        byte[] whole = Files.readAllBytes(PCAPNG);
        List<Boundary> boundaries = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(whole).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(8)).as("little-endian section").isEqualTo(0x1A2B3C4D);
        long packets = 0;
        int at = 0;
        boundaries.add(new Boundary(0, 0));
        while (at < whole.length) {
            int type = b.getInt(at);
            at += b.getInt(at + 4);
            if (type == 6 || type == 3) {
                packets++;
            }
            boundaries.add(new Boundary(at, packets));
        }
        assertThat(at).isEqualTo(whole.length);
        assertThat(packets).isGreaterThan(100);
        checkCuts(whole, boundaries.subList(1, boundaries.size()), "cut.pcapng");
    }

    /** A cut of the file: at a boundary, or inside the record after {@code boundary}. */
    private record Cut(long offset, Boundary boundary, boolean atBoundary) {}

    /**
     * Cuts at every boundary and at the first byte, the header, the middle and the last byte of
     * records (of every record of a small capture, of every 10th of a large one), in descending order so one copy of the file is truncated step by step instead of
     * rewritten for each cut (thousands of cuts of a 1.6 MB capture).
     */
    private void checkCuts(byte[] whole, List<Boundary> boundaries, String name) throws IOException {
        long fullOperations = compile(whole, name).operations();
        List<Cut> cuts = new ArrayList<>();
        for (int i = 0; i < boundaries.size(); i++) {
            Boundary boundary = boundaries.get(i);
            cuts.add(new Cut(boundary.offset(), boundary, true));
            // Inside every record of the small pcapng, every 10th of the 1,178 of the pcap (time).
            if (i + 1 < boundaries.size() && (boundaries.size() < 300 || i % 10 == 0 || i < 5)) {
                long next = boundaries.get(i + 1).offset();
                for (long cut : new long[] {boundary.offset() + 1, boundary.offset() + 9,
                        (boundary.offset() + next) / 2, next - 1}) {
                    if (cut > boundary.offset() && cut < next) {
                        cuts.add(new Cut(cut, boundary, false));
                    }
                }
            }
        }
        cuts.sort((a, b) -> Long.compare(b.offset(), a.offset()));
        Path file = dir.resolve(name);
        Files.write(file, whole);
        int truncated = 0;
        int refused = 0;
        int prefixes = 0;
        for (Cut cut : cuts) {
            try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                channel.truncate(cut.offset());
            }
            Boundary boundary = cut.boundary();
            if (cut.atBoundary()) {
                CompileSummary summary = compileFile(file);
                assertThat(summary.truncation()).as("cut at boundary %d", cut.offset()).isNull();
                assertThat(summary.packets()).isEqualTo(boundary.packetsBefore());
                assertThat(summary.operations()).isLessThanOrEqualTo(fullOperations);
                prefixes++;
            } else if (boundary.packetsBefore() == 0) {
                assertThatThrownBy(() -> compileFile(file)).as("cut at %d before any packet", cut.offset())
                        .isInstanceOfSatisfying(CaptureFormatException.class, e -> {
                            assertThat(e.packetNumber()).isEqualTo(1);
                            assertThat(e.byteOffset()).isBetween(boundary.offset(), cut.offset());
                            assertThat(e.getMessage()).matches("packet 1 \\(byte offset \\d+\\): .*truncated.*");
                        });
                refused++;
            } else {
                CompileSummary summary = compileFile(file);
                CaptureFormatException cutAt = summary.truncation();
                assertThat(cutAt).as("cut at %d", cut.offset()).isNotNull();
                assertThat(cutAt.packetNumber()).isEqualTo(boundary.packetsBefore() + 1);
                assertThat(cutAt.byteOffset()).isBetween(boundary.offset(), cut.offset());
                assertThat(summary.packets()).isEqualTo(boundary.packetsBefore());
                assertThat(summary.format()).contains("capture truncated at packet " + cutAt.packetNumber()
                        + " (byte offset " + cutAt.byteOffset() + ")");
                if (truncated++ % 50 == 0) {
                    assertThat(WorkloadValidator.validate(dir.resolve("w.json")).errors()).isEmpty();
                }
            }
        }
        assertThat(prefixes).isEqualTo(boundaries.size());
        assertThat(truncated).isGreaterThan(100);
        assertThat(refused + truncated).isGreaterThan(boundaries.size() / 3);
    }

    @Test
    void shouldRefuseAWrongMagicAndRandomFilesNamingOffsetZero() throws IOException {
        byte[] whole = Files.readAllBytes(PCAP);
        byte[] wrongMagic = whole.clone();
        wrongMagic[0] = 0x42;
        assertThatThrownBy(() -> compile(wrongMagic, "magic.pcap")).isInstanceOfSatisfying(CaptureFormatException.class,
                e -> assertThat(e.getMessage()).startsWith("packet 0 (byte offset 0): magic number 0x42"));
        Random random = new Random(5);
        for (int round = 0; round < 50; round++) {
            byte[] noise = new byte[1 + random.nextInt(4096)];
            random.nextBytes(noise);
            assertThatThrownBy(() -> compile(noise, "noise.pcap")).isInstanceOf(CaptureFormatException.class)
                    .hasMessageMatching("packet \\d+ \\(byte offset \\d+\\): .*");
        }
    }

    @Test
    void shouldCompileOrRefuseRandomTailsAndFlippedBytesWithNothingButCaptureFormatException() throws IOException {
        Random random = new Random(6);
        int refusedCount = 0;
        for (Path original : List.of(PCAP, PCAPNG)) {
            byte[] whole = Files.readAllBytes(original);
            for (int round = 0; round < 30; round++) {
                byte[] bytes = whole.clone();
                if (round % 3 == 0) { // a valid start, then noise
                    int from = 24 + random.nextInt(whole.length - 24);
                    byte[] noise = new byte[whole.length - from];
                    random.nextBytes(noise);
                    System.arraycopy(noise, 0, bytes, from, noise.length);
                } else { // bytes flipped anywhere past the file header: lengths, addresses, TCP, SMB2
                    for (int i = 0; i < 1 + random.nextInt(40); i++) {
                        bytes[24 + random.nextInt(bytes.length - 24)] ^= (byte) (1 + random.nextInt(255));
                    }
                }
                try {
                    compile(bytes, "damaged" + (original == PCAP ? ".pcap" : ".pcapng"));
                } catch (CaptureFormatException e) {
                    assertThat(e.getMessage()).matches("packet \\d+ \\(byte offset \\d+\\): .*");
                    assertThat(e.byteOffset()).isBetween(0L, (long) bytes.length);
                    refusedCount++;
                }
            }
        }
        assertThat(refusedCount).as("noise in lengths is refused at least sometimes").isPositive();
    }

    private CompileSummary compile(byte[] capture, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, capture);
        return compileFile(file);
    }

    private CompileSummary compileFile(Path file) throws IOException {
        return new CaptureCompiler(CaptureCompiler.Options.defaults()).compile(file, dir.resolve("w.json"));
    }
}
