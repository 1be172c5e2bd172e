package io.smbench.benchmarks.compile;

import io.netty.buffer.Unpooled;
import io.smbench.engine.compile.CaptureCompiler;
import io.smbench.engine.compile.CompileSummary;
import io.smbench.engine.compile.SyntheticCapture;
import io.smbench.smb.mssmb2.Smb2Command;
import io.smbench.smb.mssmb2.msg.CloseRequest;
import io.smbench.smb.mssmb2.msg.CreateRequest;
import io.smbench.smb.mssmb2.msg.FileId;
import io.smbench.smb.mssmb2.msg.ReadRequest;
import io.smbench.smb.mssmb2.msg.WriteRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Compile throughput in MB of capture per second on one thread: {@code captureMB} of the
 * {@link AuxCounters} result is capture megabytes (10^6 bytes) compiled per second. The capture is
 * written once per trial by {@link SyntheticCapture}: {@code connections} clients interleaved, each
 * cycling CREATE, four 64 KiB WRITEs, four 64 KiB READs (responses carry the data, as on the wire)
 * and CLOSE, until the file holds {@code sizeMB} MB; that is the bulk-data mix that dominates real
 * captures by bytes. The heap is capped to show that compiling does not hold the capture in memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class CompileBenchmark {
    private static final int CHUNK = 64 * 1024;

    @Param("256")
    public int sizeMB;

    @Param("16")
    public int connections;

    private Path dir;
    private Path capture;
    private Path workload;
    private long captureBytes;
    private long expectedOperations;

    /** The figure reported: capture bytes compiled, in MB, per second of benchmark time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Throughput {
        public double captureMB;
    }

    @Setup(Level.Trial)
    public void writeCapture() throws IOException {
        dir = Files.createTempDirectory("smbench-compile-bench");
        capture = dir.resolve("synthetic.pcap");
        workload = dir.resolve("synthetic.json");
        byte[] data = new byte[CHUNK];
        new Random(7).nextBytes(data);
        long target = (long) sizeMB * 1_000_000;
        long operations = 0;
        try (SyntheticCapture pcap = SyntheticCapture.create(capture)) {
            List<SyntheticCapture.Connection> clients = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                clients.add(pcap.connection("10.1.0." + (c + 1), 49_152 + c, "10.1.255.1", 445));
            }
            long[] messageIds = new long[connections];
            long micros = 0;
            for (int cycle = 0; pcap.bytesWritten() < target; cycle++) {
                for (int c = 0; c < connections; c++) {
                    operations += cycle(clients.get(c), messageIds, c, new FileId(c, cycle), data, micros);
                    micros += 100;
                }
            }
            captureBytes = pcap.bytesWritten();
        }
        expectedOperations = operations;
    }

    /** CREATE, 4 WRITEs, 4 READs, CLOSE on one connection; returns the operations it makes. */
    private static int cycle(SyntheticCapture.Connection connection, long[] messageIds, int client, FileId file,
            byte[] data, long micros) throws IOException {
        connection.request(micros, Smb2Command.CREATE, messageIds[client], 1, 1, new CreateRequest(
                CreateRequest.OPLOCK_NONE, 2, CreateRequest.GENERIC_READ | CreateRequest.GENERIC_WRITE,
                CreateRequest.FILE_ATTRIBUTE_NORMAL, CreateRequest.SHARE_READ, CreateRequest.FILE_OPEN_IF, 0,
                "c" + client + "\\f" + file.volatileId() % 100 + ".dat", List.of()));
        connection.createResponse(micros + 1, messageIds[client]++, 0, 1, 1, file);
        for (int i = 0; i < 4; i++) {
            connection.request(micros + 2, Smb2Command.WRITE, messageIds[client], 1, 1,
                    new WriteRequest(file, (long) i * CHUNK, Unpooled.wrappedBuffer(data)));
            connection.response(micros + 3, Smb2Command.WRITE, messageIds[client]++, 0, 1, 1, new byte[16]);
        }
        for (int i = 0; i < 4; i++) {
            connection.request(micros + 4, Smb2Command.READ, messageIds[client], 1, 1,
                    new ReadRequest(file, (long) i * CHUNK, CHUNK, 0));
            connection.response(micros + 5, Smb2Command.READ, messageIds[client]++, 0, 1, 1, readResponse(data));
        }
        connection.request(micros + 6, Smb2Command.CLOSE, messageIds[client], 1, 1, new CloseRequest(file, false));
        connection.response(micros + 7, Smb2Command.CLOSE, messageIds[client]++, 0, 1, 1, new byte[60]);
        return 10;
    }

    /** READ response (MS-SMB2 2.2.20): StructureSize 17, DataOffset 80, DataLength, then the data. */
    private static byte[] readResponse(byte[] data) {
        ByteBuffer body = ByteBuffer.allocate(16 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        body.putShort((short) 17).put((byte) 80).put((byte) 0).putInt(data.length).putInt(0).putInt(0).put(data);
        return body.array();
    }

    @Benchmark
    public CompileSummary compile(Throughput throughput) throws IOException {
        CompileSummary summary = new CaptureCompiler(CaptureCompiler.Options.defaults()).compile(capture, workload);
        if (summary.operations() != expectedOperations) {
            throw new IllegalStateException("compiled " + summary.operations() + " operations, expected "
                    + expectedOperations + ": " + summary.format());
        }
        throughput.captureMB += captureBytes / 1e6;
        return summary;
    }

    @TearDown(Level.Trial)
    public void removeFiles() throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
