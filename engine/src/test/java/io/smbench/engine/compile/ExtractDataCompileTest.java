package io.smbench.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smbench.engine.ir.WorkloadValidator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compile --extract-data} on Zeek's capture of a Windows client copying a PDF to a share:
 * the blobs of its writes, put together at their offsets, are the PDF.
 */
class ExtractDataCompileTest {
    private static final Path CAPTURE = CaptureReaderTest.CAPTURES.resolve("zeek-smb2.pcap");

    @TempDir
    Path dir;

    @Test
    void shouldSaveEachWritesCapturedBytesAsItsBlob() throws IOException {
        Path workload = dir.resolve("pdf.json");
        CompileSummary summary = new CaptureCompiler(CaptureCompiler.Options.defaults().withExtractedData(true))
                .compile(CAPTURE, workload);
        List<JsonNode> writes = TimeRangeCompileTest.operations(workload).stream()
                .filter(op -> op.get("operation").asText().equals("Write")).toList();
        assertThat(writes).hasSize(24);
        assertThat(summary.blobs()).isEqualTo(writes.size());
        assertThat(summary.format()).contains("saved the data of 24 writes");

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (JsonNode write : writes.stream().sorted(Comparator.comparingLong(w -> w.get("offset").asLong())).toList()) {
            String blobPath = write.get("blob_path").asText();
            assertThat(blobPath).isEqualTo("pdf.blobs/conn001/" + write.get("op_id").asText() + ".bin");
            byte[] blob = Files.readAllBytes(dir.resolve(blobPath));
            assertThat(blob).hasSize(write.get("length").asInt());
            assertThat(write.get("offset").asLong()).as("the writes cover the file without holes").isEqualTo(file.size());
            file.write(blob);
        }
        String text = file.toString(StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("%PDF-");
        assertThat(text.stripTrailing()).endsWith("%%EOF");
        assertThat(WorkloadValidator.validate(workload).errors()).as("blobs exist and are long enough").isEmpty();
    }

    @Test
    void shouldKeepAWriteWhoseDataIsNotInItsMessageWithoutABlob() throws IOException {
        Path capture = dir.resolve("short.pcap");
        try (SyntheticCapture pcap = SyntheticCapture.create(capture)) {
            SyntheticCapture.Connection connection = pcap.connection("10.0.0.1", 50001, "10.0.0.9", 445);
            SyntheticSmb smb = new SyntheticSmb(connection);
            smb.open(100, 5, "a.bin", new io.smbench.smb.mssmb2.msg.FileId(1, 1), 0);
            // A WRITE whose Length (4096) runs past the 3 bytes it carries.
            connection.request(110, 0x0009, 1, 0, 0, (out, headerStart) -> {
                new io.smbench.smb.mssmb2.msg.WriteRequest(new io.smbench.smb.mssmb2.msg.FileId(1, 1), 0,
                        io.netty.buffer.Unpooled.wrappedBuffer(new byte[] {1, 2, 3})).write(out, headerStart);
                out.setIntLE(headerStart + 64 + 4, 4096);
            });
            connection.response(115, 0x0009, 1, 0, 0, 0, new byte[16]);
        }
        Path workload = dir.resolve("short.json");
        CompileSummary summary = new CaptureCompiler(CaptureCompiler.Options.defaults().withExtractedData(true))
                .compile(capture, workload);
        List<JsonNode> ops = TimeRangeCompileTest.operations(workload);
        assertThat(ops).extracting(op -> op.get("operation").asText()).containsExactly("Open", "Write");
        assertThat(ops.get(1).has("blob_path")).isFalse();
        assertThat(ops.get(1).get("length").asInt()).isEqualTo(4096);
        assertThat(summary.notExpressed()).containsEntry("WRITE data outside its message (no blob: generated data)", 1L);
    }

    @Test
    void shouldLeaveWritesWithoutBlobsByDefault() throws IOException {
        Path workload = dir.resolve("plain.json");
        new CaptureCompiler(CaptureCompiler.Options.defaults()).compile(CAPTURE, workload);
        assertThat(TimeRangeCompileTest.operations(workload)).noneMatch(op -> op.has("blob_path"));
        assertThat(dir.resolve("plain.blobs")).doesNotExist();
    }

    @Test
    void shouldSaveOnlyTheWritesOfTheTimeWindow() throws IOException {
        Path workload = dir.resolve("window.json");
        CompileSummary summary = new CaptureCompiler(CaptureCompiler.Options.defaults().withExtractedData(true)
                .withWindow(TimeWindow.parse("0.145..0.16"))).compile(CAPTURE, workload);
        long writes = TimeRangeCompileTest.operations(workload).stream()
                .filter(op -> op.get("operation").asText().equals("Write")).count();
        assertThat(writes).isPositive().isLessThan(24);
        assertThat(summary.blobs()).isEqualTo(writes);
        try (var files = Files.walk(dir.resolve("window.blobs"))) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(writes);
        }
    }
}
