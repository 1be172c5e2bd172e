package io.smbench.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.smbench.engine.compile.CaptureCompiler;
import io.smbench.engine.compile.CaptureFormatException;
import io.smbench.engine.ir.WorkloadValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The user-supplied files: a capture goes through the whole compiler (reader, link and IP
 * decoding, TCP reassembly, SMB2 framing and conversations) and may only fail with
 * CaptureFormatException; a workload goes through the IR validator, which reports problems and
 * never throws.
 */
class InputFuzzTest {
    @FuzzTest
    void captureCompiler(byte[] data) throws IOException {
        Path dir = Files.createTempDirectory("fuzz-capture");
        try {
            Path capture = dir.resolve("in.pcap");
            Files.write(capture, data);
            new CaptureCompiler(CaptureCompiler.Options.defaults()).compile(capture, dir.resolve("out.json"));
        } catch (CaptureFormatException expected) {
            // declared: corrupt capture, with packet number and offset
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    @FuzzTest
    void workloadValidator(byte[] data) throws IOException {
        Path file = Files.createTempFile("fuzz-workload", ".json");
        try {
            Files.write(file, data);
            WorkloadValidator.validate(file);
        } finally {
            Files.delete(file);
        }
    }
}
