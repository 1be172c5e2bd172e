package io.smbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smbench.fuzz.live.CaseResult;
import io.smbench.fuzz.live.SplitMix64;
import io.smbench.lab.SambaLab;
import io.smbench.lab.SambaTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code smbench fuzz} as a user runs it against the lab Samba, then replays one case. */
@SambaTest
class FuzzAgainstLabTest {
    @TempDir
    Path dir;

    @Test
    void shouldWriteFindingsAndReplayACaseToTheSameBytes(SambaLab lab) throws Exception {
        Path password = dir.resolve("pw");
        Files.writeString(password, new String(lab.password()));
        Path findings = dir.resolve("findings.json");
        StringWriter out = new StringWriter();
        int code = run(out, "fuzz", "--server", lab.host(), "--port", Integer.toString(lab.port()), "--share", "open",
                "--user", lab.user(), "--password-file", password.toString(), "--seed", "7", "--cases", "30",
                "--hang-timeout", "2", "--sign", "--findings", findings.toString());
        assertThat(code).as(out.toString()).isIn(ExitCodes.OK, ExitCodes.CHECKS_FAILED);
        assertThat(out.toString()).contains("with seed 0x0000000000000007", "30 cases in");
        JsonNode run = new ObjectMapper().readTree(findings.toFile());
        assertThat(run.path("run").path("cases").asLong()).isEqualTo(30);
        long classified = 0;
        for (JsonNode count : run.path("outcomes")) {
            classified += count.asLong();
        }
        assertThat(classified).isEqualTo(30);
        if (run.path("findings").size() > 0) {
            assertThat(out.toString()).contains("replay one with: smbench fuzz --server " + lab.host())
                    .contains("--hang-timeout 2 --sign --replay-seed 0x").doesNotContain("--cases", "--findings", "--seed 7");
        }

        // Replay a finding if there is one, else case 0, and compare the canonical request bytes.
        JsonNode finding = run.path("findings").size() > 0 ? run.path("findings").get(0) : null;
        String caseSeed = finding != null ? finding.path("case_seed").asText()
                : CaseResult.seedText(SplitMix64.caseSeed(7, 0));
        Path replayFile = dir.resolve("replay.json");
        StringWriter replayOut = new StringWriter();
        int replayCode = run(replayOut, "fuzz", "--server", lab.host(), "--port", Integer.toString(lab.port()), "--share",
                "open", "--user", lab.user(), "--password-file", password.toString(), "--replay-seed", caseSeed,
                "--hang-timeout", "2", "--sign", "--findings", replayFile.toString());
        assertThat(replayCode).as(replayOut.toString()).isIn(ExitCodes.OK, ExitCodes.CHECKS_FAILED);
        JsonNode replayed = new ObjectMapper().readTree(replayFile.toFile()).path("replayed");
        assertThat(replayed.path("case_seed").asText()).isEqualTo(caseSeed);
        assertThat(replayOut.toString()).contains("replayed " + caseSeed);
        if (finding != null) {
            assertThat(replayed.path("canonical_hex").asText()).isEqualTo(finding.path("canonical_hex").asText());
            assertThat(replayed.path("mutations")).isEqualTo(finding.path("mutations"));
        } else {
            assertThat(replayed.path("canonical_hex").asText()).isNotEmpty();
        }
        assertThat(Files.readString(findings) + Files.readString(replayFile) + out + replayOut)
                .doesNotContain(new String(lab.password()));
    }

    private static int run(StringWriter out, String... args) {
        CommandLine commandLine = Smbench.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        return commandLine.execute(args);
    }
}
