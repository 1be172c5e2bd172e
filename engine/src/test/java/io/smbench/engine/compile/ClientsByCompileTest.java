package io.smbench.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smbench.engine.ir.WorkloadValidator;
import io.smbench.smb.mserref.NtStatus;
import io.smbench.smb.mssmb2.msg.FileId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compile --clients-by connection|session|user} on a synthetic capture: connection 1 carries
 * alice's session 0x11 then bob's session 0x22; connection 2 carries alice again (session 0x33),
 * whose CREATE is answered only after connection 1's last request; connection 3 logs on with a
 * token that is not NTLM (session 0x44).
 */
class ClientsByCompileTest {
    private static final int OK = NtStatus.STATUS_SUCCESS;

    @TempDir
    Path dir;

    private Path capture;

    @BeforeEach
    void writeCapture() throws IOException {
        capture = dir.resolve("clients.pcap");
        try (SyntheticCapture pcap = SyntheticCapture.create(capture)) {
            SyntheticSmb one = new SyntheticSmb(pcap.connection("10.0.0.1", 50001, "10.0.0.9", 445));
            SyntheticSmb two = new SyntheticSmb(pcap.connection("10.0.0.1", 50002, "10.0.0.9", 445));
            SyntheticSmb three = new SyntheticSmb(pcap.connection("10.0.0.2", 50003, "10.0.0.9", 445));
            one.logOn(100, "alice", "LAB", 0x11).treeConnect(110, 1);
            one.open(120, 5, "a.txt", new FileId(1, 1), OK);
            one.write(130, 5, new FileId(1, 1), 0, new byte[] {1, 2, 3});
            two.logOn(140, "alice", "LAB", 0x33).treeConnect(145, 1);
            long pending = two.sendOpen(150, "c.txt");
            one.close(200, 5, new FileId(1, 1));
            two.answerOpen(400, pending, new FileId(3, 3), OK);
            two.close(410, 5, new FileId(3, 3));
            one.logOn(500, "bob", "LAB", 0x22).treeConnect(510, 2);
            one.open(520, 5, "b.txt", new FileId(2, 2), OK);
            one.close(530, 5, new FileId(2, 2));
            three.logOnOpaque(600, 0x44).treeConnect(610, 1);
            three.open(620, 5, "d.txt", new FileId(4, 4), OK);
            three.close(630, 5, new FileId(4, 4));
        }
    }

    @Test
    void shouldMakeAClientOfEachConnectionByDefault() throws IOException {
        Result result = compile(CaptureCompiler.Options.defaults());
        assertThat(result.opsPerClient()).containsExactly(Map.entry("conn001", 5), Map.entry("conn002", 2),
                Map.entry("conn003", 2));
        assertThat(result.workload().at("/metadata/clients_by").asText()).isEqualTo("connection");
    }

    @Test
    void shouldMakeAClientOfEachSession() throws IOException {
        Result result = compile(CaptureCompiler.Options.defaults().withClientsBy(ClientsBy.SESSION));
        assertThat(result.opsPerClient()).containsExactly(Map.entry("session-0000000000000011", 3),
                Map.entry("session-0000000000000033", 2), Map.entry("session-0000000000000022", 2),
                Map.entry("session-0000000000000044", 2));
    }

    @Test
    void shouldMakeAClientOfEachNtlmUserAndKeepEachClientsTimeOrder() throws IOException {
        Result result = compile(CaptureCompiler.Options.defaults().withClientsBy(ClientsBy.USER));
        assertThat(result.opsPerClient()).containsExactly(Map.entry("LAB\\alice", 5), Map.entry("LAB\\bob", 2),
                Map.entry("session-0000000000000044", 2));
        assertThat(result.summary().sessionsWithoutUser()).isEqualTo(1);
        assertThat(result.summary().format()).contains("1 sessions without a readable NTLM user name");

        List<JsonNode> alice = result.operations().stream()
                .filter(op -> op.get("client_id").asText().equals("LAB\\alice")).toList();
        assertThat(alice).extracting(op -> op.get("operation").asText() + " " + op.get("handle_ref").asText())
                .containsExactly("Open h1", "Write h1", "Close h1", "Open h2", "Close h2");
        // c.txt was requested at 150 us but answered after a.txt's Close (200 us) was written.
        JsonNode openC = alice.get(3);
        assertThat(openC.get("path").asText()).isEqualTo("/c.txt");
        assertThat(openC.get("timestamp_us").asLong()).isEqualTo(alice.get(2).get("timestamp_us").asLong());
        assertThat(result.summary().format()).contains("1 operations of clients merged from several connections");
        assertThat(WorkloadValidator.validate(dir.resolve("w.json")).errors()).isEmpty();
    }

    @Test
    void shouldKeepOnlyTheNamedClientsOfTheChosenKind() throws IOException {
        Result result = compile(new CaptureCompiler.Options(Set.of(445), Map.of(), Set.of("LAB\\bob"))
                .withClientsBy(ClientsBy.USER));
        assertThat(result.opsPerClient()).containsExactly(Map.entry("LAB\\bob", 2));
    }

    @Test
    void shouldRejectAnUnknownKindOfClient() {
        assertThatThrownBy(() -> ClientsBy.parse("host")).hasMessageContaining("not one of connection, session, user");
        assertThat(ClientsBy.parse("User")).isEqualTo(ClientsBy.USER);
    }

    private record Result(CompileSummary summary, JsonNode workload, List<JsonNode> operations,
            Map<String, Integer> opsPerClient) {}

    private Result compile(CaptureCompiler.Options options) throws IOException {
        Path workload = dir.resolve("w.json");
        CompileSummary summary = new CaptureCompiler(options).compile(capture, workload);
        JsonNode json = new ObjectMapper().readTree(workload.toFile());
        Map<String, Integer> counts = new LinkedHashMap<>();
        json.get("clients").forEach(c -> counts.put(c.get("client_id").asText(), c.get("operation_count").asInt()));
        assertThat(WorkloadValidator.validate(workload).errors()).isEmpty();
        return new Result(summary, json, TimeRangeCompileTest.operations(workload), counts);
    }
}
