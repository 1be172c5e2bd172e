package io.smbench.lab.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shows that the wire check tells a well-formed SMB2 message from a malformed one, using
 * hand-built messages sent over loopback TCP (no SMB server needed).
 */
class TsharkCaptureTest {
    /** SMB2 header (MS-SMB2 2.2.1.2) for command {@code cmd}, MessageId 1, no session. */
    private static String header(String command) {
        return "FE534D42" + "4000" + "0000" + "00000000" + command + "0100" + "00000000" + "00000000"
                + "0100000000000000" + "00000000" + "00000000" + "0000000000000000" + "00".repeat(16);
    }

    /** ECHO request (2.2.28): StructureSize 4, Reserved 0. */
    private static final String ECHO = header("0D00") + "0400" + "0000";

    /** NEGOTIATE request (2.2.3) claiming 5 dialects but carrying none: the dissector flags it. */
    private static final String BROKEN_NEGOTIATE = header("0000") + "2400" + "0500" + "0100" + "0000"
            + "00000000" + "00".repeat(16) + "0000000000000000";

    @TempDir
    Path dir;

    @BeforeAll
    static void requireTshark() {
        if (!TsharkCapture.available()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("tshark/tcprewrite not found: install tshark and tcpreplay (.ci/run does)");
            }
            System.err.println("*** SKIPPED: tshark or tcprewrite not installed; wire checks not run ***");
            Assumptions.abort("tshark or tcprewrite not installed");
        }
    }

    @Test
    void shouldFindNoProblemInWellFormedEcho() throws Exception {
        WireCheckResult result = exchange(ECHO);
        assertThat(result.smb2Packets()).as(result.toString()).isEqualTo(1);
        assertThat(result.clean()).as(result.toString()).isTrue();
    }

    @Test
    void shouldReportMalformedNegotiate() throws Exception {
        WireCheckResult result = exchange(BROKEN_NEGOTIATE);
        assertThat(result.smb2Packets()).isEqualTo(1);
        assertThat(result.clean()).as(result.toString()).isFalse();
        assertThat(result.problems().get(0)).contains("|0");
    }

    private WireCheckResult exchange(String messageHex) throws Exception {
        byte[] message = HexFormat.of().parseHex(messageHex);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                TsharkCapture capture = TsharkCapture.start(dir, server.getLocalPort())) {
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                    Socket accepted = server.accept()) {
                OutputStream out = client.getOutputStream();
                out.write(new byte[] {0, (byte) (message.length >>> 16), (byte) (message.length >>> 8), (byte) message.length});
                out.write(message);
                out.flush();
                InputStream in = accepted.getInputStream();
                byte[] received = in.readNBytes(4 + message.length);
                assertThat(received).hasSize(4 + message.length);
            }
            return capture.check(List.of());
        }
    }
}
