package io.smbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.smbench.lab.SambaLab;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code smbench lab start|status|stop} against a real smbd. */
class LabCommandTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void requireSamba() {
        if (!SambaLab.smbdAvailable()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("smbd not found: install the Debian package samba (.ci/run does)");
            }
            System.err.println("*** SKIPPED: smbd not installed, smbench lab not tested ***");
            Assumptions.abort("smbd not installed");
        }
    }

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Smbench.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void shouldStartReportStopAndNeverPrintThePassword() throws Exception {
        // smbd serves the shares as another user, who must be able to traverse the temp folder.
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path labDir = dir.resolve("lab");
        int port = freePort();
        Run start = run("lab", "start", "--dir", labDir.toString(), "--port", Integer.toString(port));
        assertThat(start.code()).as(start.err()).isZero();
        try {
            assertThat(start.out()).contains("127.0.0.1").contains(Integer.toString(port)).contains("--password-file");
            String password = Files.readString(labDir.resolve("password")).strip();
            assertThat(password).isNotEmpty();
            assertThat(start.out() + start.err()).doesNotContain(password);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                assertThat(socket.isConnected()).isTrue();
            }
            Run status = run("lab", "status", "--dir", labDir.toString());
            assertThat(status.code()).as(status.out()).isZero();
        } finally {
            Run stop = run("lab", "stop", "--dir", labDir.toString());
            assertThat(stop.code()).isZero();
            assertThat(stop.out()).contains("stopped");
        }
        Run after = run("lab", "status", "--dir", labDir.toString());
        assertThat(after.code()).isEqualTo(ExitCodes.FAILURE);
    }
}
