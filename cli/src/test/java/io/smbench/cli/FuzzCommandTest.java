package io.smbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What {@code smbench fuzz} refuses before it connects to anything. */
class FuzzCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Smbench.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void shouldRefuseANonLoopbackServerWithoutAllowRemote() throws Exception {
        Path password = dir.resolve("pw");
        Files.writeString(password, "secret");
        Path findings = dir.resolve("f.json");
        int code = run("fuzz", "--server", "192.0.2.10", "--share", "open", "--user", "u", "--password-file",
                password.toString(), "--findings", findings.toString());
        assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("not a loopback address", "--allow-remote");
        assertThat(findings).doesNotExist();
    }

    @Test
    void shouldRefuseAPasswordOnTheCommandLine() {
        int code = run("fuzz", "--server", "127.0.0.1", "--share", "open", "--user", "u", "--pass", "secret");
        assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("never --pass").doesNotContain("secret");
    }

    @Test
    void shouldRequireServerShareAndUserAndValidNumbers() {
        assertThat(run("fuzz", "--share", "open", "--user", "u")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("--server, --share and --user");
        assertThat(run("fuzz", "--server", "127.0.0.1", "--share", "s", "--user", "u", "--duration", "soon"))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("--duration takes");
        assertThat(run("fuzz", "--server", "127.0.0.1", "--share", "s", "--user", "u", "--replay-seed", "0xZZ"))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("--replay-seed takes");
        assertThat(run("fuzz", "--server", "127.0.0.1", "--share", "s", "--user", "u", "--timeout", "3"))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString()).contains("--hang-timeout, not --timeout");
    }
}
