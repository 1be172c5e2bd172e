package io.smbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordSourceTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream warnings = new ByteArrayOutputStream();

    private PasswordSource source(Map<String, String> env, Console console) {
        return new PasswordSource(env, console, new PrintStream(warnings, true, StandardCharsets.UTF_8));
    }

    private static Console terminalAnswering(String answer) {
        return new Console() {
            @Override
            public boolean isInteractive() {
                return true;
            }

            @Override
            public char[] readPassword(String prompt) {
                return answer.toCharArray();
            }
        };
    }

    private static Console noTerminal() {
        return new Console() {
            @Override
            public boolean isInteractive() {
                return false;
            }

            @Override
            public char[] readPassword(String prompt) {
                throw new AssertionError("must not prompt without a terminal");
            }
        };
    }

    @Test
    void shouldPreferPasswordFileOverEnvironment() throws Exception {
        Path file = dir.resolve("pw");
        Files.writeString(file, "from-file\nsecond line ignored\n");
        char[] password = source(Map.of(PasswordSource.PASSWORD_ENV, "from-env"), noTerminal())
                .resolve(file, null, "alice");
        assertThat(new String(password)).isEqualTo("from-file");
    }

    @Test
    void shouldReadEnvironmentVariable() {
        char[] password = source(Map.of(PasswordSource.PASSWORD_ENV, "s3cret"), noTerminal()).resolve(null, null, "alice");
        assertThat(new String(password)).isEqualTo("s3cret");
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void shouldReadFileNamedByEnvironment() throws Exception {
        Path file = dir.resolve("pw");
        Files.writeString(file, "via-env-file\r\n");
        char[] password = source(Map.of(PasswordSource.PASSWORD_FILE_ENV, file.toString()), noTerminal())
                .resolve(null, null, "alice");
        assertThat(new String(password)).isEqualTo("via-env-file");
    }

    @Test
    void shouldWarnWhenPasswordIsOnCommandLineWithoutEchoingIt() {
        char[] password = source(Map.of(), noTerminal()).resolve(null, "visible", "alice");
        assertThat(new String(password)).isEqualTo("visible");
        String warning = warnings.toString(StandardCharsets.UTF_8);
        assertThat(warning).contains("process list").doesNotContain("visible");
    }

    @Test
    void shouldPromptOnTerminalWhenNothingElseIsGiven() {
        char[] password = source(Map.of(), terminalAnswering("typed")).resolve(null, null, "alice");
        assertThat(new String(password)).isEqualTo("typed");
    }

    @Test
    void shouldFailClearlyWithoutAnySource() {
        assertThatThrownBy(() -> source(Map.of(), noTerminal()).resolve(null, null, "alice"))
                .isInstanceOf(PasswordSource.PasswordUnavailableException.class)
                .hasMessageContaining("alice")
                .hasMessageContaining(PasswordSource.PASSWORD_ENV)
                .hasMessageContaining("--password-file");
    }

    @Test
    void shouldNameTheMissingPasswordFile() {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> source(Map.of(), noTerminal()).resolve(missing, null, "alice"))
                .isInstanceOf(PasswordSource.PasswordUnavailableException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void shouldNeverShowPasswordInConnectionOptionsText() {
        ConnectionOptions options = new ConnectionOptions();
        options.commandLinePassword = "hunter2";
        options.user = "alice";
        assertThat(options.toString()).contains("alice").doesNotContain("hunter2");
    }
}
