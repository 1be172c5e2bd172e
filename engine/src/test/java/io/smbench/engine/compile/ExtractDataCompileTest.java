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
