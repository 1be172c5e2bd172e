package io.smbench.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smbench.engine.ir.WorkloadValidator;
import io.smbench.smb.mserref.NtStatus;
import io.smbench.smb.mssmb2.msg.CreateContext;
import io.smbench.smb.mssmb2.msg.DurableContext;
import io.smbench.smb.mssmb2.msg.FileId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CREATE reclaiming a durable open (DHnC, DH2C; MS-SMB2 3.2.4.4) on a new connection keeps the
 * original handle_ref: the reclaim is not an operation (the replaying client reclaims its own
 * durable opens), the FileId it gets maps to the original handle, and the reconnecting connection
 * joins the original client.
 */
class DurableReconnectCompileTest {
    private static final int OK = NtStatus.STATUS_SUCCESS;
    private static final UUID CREATE_GUID = UUID.fromString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    private static final FileId ORIGINAL = new FileId(7, 70);
    private static final FileId RECLAIMED = new FileId(7, 71);

    @TempDir
    Path dir;

    /** Connection 1 opens durably and writes; connection 2 logs on again, reclaims, writes and closes. */
    private Path reconnectCapture(CreateContext request, CreateContext reclaim, int reclaimStatus)
            throws IOException {
        Path capture = dir.resolve("reconnect.pcap");
        try (SyntheticCapture pcap = SyntheticCapture.create(capture)) {
            SyntheticSmb before = new SyntheticSmb(pcap.connection("10.0.0.1", 50001, "10.0.0.9", 445));
            before.logOn(100, "alice", "LAB", 0x11).treeConnect(110, 1);
            before.open(120, 5, "d.txt", ORIGINAL, OK, request);
            before.write(130, 5, ORIGINAL, 0, new byte[] {1, 2, 3});
            SyntheticSmb after = new SyntheticSmb(pcap.connection("10.0.0.1", 50002, "10.0.0.9", 445));
            after.logOn(1_000, "alice", "LAB", 0x55).treeConnect(1_010, 1);
            after.open(1_020, 5, "d.txt", RECLAIMED, reclaimStatus, reclaim);
            if (reclaimStatus == OK) {
                after.write(1_030, 5, RECLAIMED, 3, new byte[] {4, 5, 6});
                after.close(1_040, 5, RECLAIMED);
            }
        }
        return capture;
    }

    @Test
    void shouldKeepTheOriginalHandleRefAcrossADurableV2ReconnectOnANewConnection() throws IOException {
        Path capture = reconnectCapture(DurableContext.v2(60_000, false, CREATE_GUID),
                DurableContext.reconnectV2(ORIGINAL, CREATE_GUID, false), OK);
        for (ClientsBy by : ClientsBy.values()) {
            Path workload = dir.resolve("w-" + by + ".json");
            CompileSummary summary = new CaptureCompiler(CaptureCompiler.Options.defaults().withClientsBy(by))
                    .compile(capture, workload);
            List<JsonNode> ops = TimeRangeCompileTest.operations(workload);
            assertThat(ops).as("by %s", by)
                    .extracting(op -> op.get("operation").asText() + " " + op.get("handle_ref").asText())
                    .containsExactly("Open h1", "Write h1", "Write h1", "Close h1");
            assertThat(ops).extracting(op -> op.get("client_id").asText()).as("by %s", by).containsOnly(
                    ops.get(0).get("client_id").asText());
            assertThat(ops.get(2).get("offset").asLong()).isEqualTo(3);
            assertThat(summary.sessionLevel()).containsEntry("CREATE durable reconnect (original handle_ref kept)", 1L);
            assertThat(summary.joinedClients()).as("by %s", by).isEqualTo(by == ClientsBy.USER ? 0 : 1);
            assertThat(WorkloadValidator.validate(workload).errors()).as("by %s", by).isEmpty();
        }
    }

    @Test
    void shouldKeepTheOriginalHandleRefAcrossADurableV1Reconnect() throws IOException {
        Path capture = reconnectCapture(DurableContext.v1(), DurableContext.reconnectV1(ORIGINAL), OK);
        Path workload = dir.resolve("w.json");
        new CaptureCompiler(CaptureCompiler.Options.defaults()).compile(capture, workload);
        assertThat(TimeRangeCompileTest.operations(workload))
                .extracting(op -> op.get("client_id").asText() + " " + op.get("operation").asText() + " "
                        + op.get("handle_ref").asText())
                .containsExactly("conn001 Open h1", "conn001 Write h1", "conn001 Write h1", "conn001 Close h1");
    }

    @Test
    void shouldWriteNothingForAReclaimTheServerRefused() throws IOException {
        Path capture = reconnectCapture(DurableContext.v2(60_000, false, CREATE_GUID),
                DurableContext.reconnectV2(ORIGINAL, CREATE_GUID, false), 0xC0000034);
        Path workload = dir.resolve("w.json");
        CompileSummary summary = new CaptureCompiler(CaptureCompiler.Options.defaults()).compile(capture, workload);
        assertThat(TimeRangeCompileTest.operations(workload)).extracting(op -> op.get("operation").asText())
                .containsExactly("Open", "Write");
        assertThat(summary.sessionLevel()).containsEntry("CREATE durable reconnect refused by the server", 1L);
    }

    @Test
    void shouldWriteAReclaimOfAnOpenNotInTheCaptureAsANewOpen() throws IOException {
        FileId unknown = new FileId(99, 990);
        Path capture = reconnectCapture(DurableContext.v2(60_000, false, CREATE_GUID),
                DurableContext.reconnectV2(unknown, CREATE_GUID, false), OK);
        Path workload = dir.resolve("w.json");
        CompileSummary summary = new CaptureCompiler(CaptureCompiler.Options.defaults()).compile(capture, workload);
        assertThat(TimeRangeCompileTest.operations(workload))
                .extracting(op -> op.get("client_id").asText() + " " + op.get("operation").asText() + " "
                        + op.get("handle_ref").asText())
                .containsExactly("conn001 Open h1", "conn001 Write h1", "conn002 Open h1", "conn002 Write h1",
                        "conn002 Close h1");
        assertThat(summary.notExpressed()).containsKey(
                "durable reconnect of an open created before the capture (written as a new Open)");
        assertThat(WorkloadValidator.validate(workload).errors()).isEmpty();
    }

    @Test
    void shouldNotReclaimAnOpenThatWasClosed() throws IOException {
        Path capture = dir.resolve("closed.pcap");
        try (SyntheticCapture pcap = SyntheticCapture.create(capture)) {
            SyntheticSmb smb = new SyntheticSmb(pcap.connection("10.0.0.1", 50001, "10.0.0.9", 445));
            smb.logOn(100, "alice", "LAB", 0x11).treeConnect(110, 1);
            smb.open(120, 5, "d.txt", ORIGINAL, OK, DurableContext.v1());
            smb.close(130, 5, ORIGINAL);
            smb.open(140, 5, "d.txt", RECLAIMED, OK, DurableContext.reconnectV1(ORIGINAL));
            smb.close(150, 5, RECLAIMED);
        }
        Path workload = dir.resolve("w.json");
        new CaptureCompiler(CaptureCompiler.Options.defaults()).compile(capture, workload);
        assertThat(TimeRangeCompileTest.operations(workload))
                .extracting(op -> op.get("operation").asText() + " " + op.get("handle_ref").asText())
                .containsExactly("Open h1", "Close h1", "Open h2", "Close h2");
    }
}
