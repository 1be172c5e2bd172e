package io.smbench.smb.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smbench.lab.SambaLab;
import io.smbench.lab.SambaTest;
import io.smbench.lab.SigningMandatory;
import io.smbench.lab.wire.SessionKey;
import io.smbench.lab.wire.TsharkCapture;
import io.smbench.lab.wire.WireCheckResult;
import io.smbench.smb.client.ClientConfig;
import io.smbench.smb.client.Probe;
import io.smbench.smb.client.ProbeResult;
import io.smbench.smb.client.SmbAuthenticationException;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.client.SmbClientException;
import io.smbench.smb.client.SmbSession;
import io.smbench.smb.crypto.CipherSuite;
import io.smbench.smb.crypto.SigningAlgorithm;
import io.smbench.smb.mserref.NtStatus;
import io.smbench.smb.mssmb2.Dialect;
import io.smbench.smb.ntlm.NtlmCredentials;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #3's proof: the client negotiates, authenticates and connects with every dialect and security
 * setting Samba 4.17 accepts; the whole run is captured on loopback and Wireshark's dissector must
 * find no malformed SMB2 packet, decrypting the encrypted sessions with their keys.
 */
@SambaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProbeMatrixTest {
    private SmbClient client;
    private TsharkCapture capture;
    private TsharkCapture signingCapture;
    private final List<SessionKey> keys = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void start(SambaLab lab, @SigningMandatory SambaLab signingLab) throws Exception {
        client = new SmbClient(1);
        if (TsharkCapture.available()) {
            capture = TsharkCapture.start(Path.of("target", "captures"), lab.port());
            signingCapture = TsharkCapture.start(Path.of("target", "captures"), signingLab.port());
        }
    }

    @AfterAll
    void checkWire() throws Exception {
        client.close();
        if (capture != null) {
            WireCheckResult result = capture.check(keys);
            System.out.println("[wire check] " + result);
            assertThat(result.smb2Packets()).as("the capture saw the traffic").isGreaterThan(100);
            assertThat(result.problems()).as(result.toString()).isEmpty();
            assertThat(result.transformFrames()).as("encrypted sessions were captured").isGreaterThan(20);
            assertThat(result.decryptedFrames()).as("every encrypted frame decrypts with the session keys, so the "
                    + "dissector checked its contents").isEqualTo(result.transformFrames());
            WireCheckResult signing = signingCapture.check(keys);
            System.out.println("[wire check, signing-mandatory instance] " + signing);
            assertThat(signing.smb2Packets()).as("the signing-mandatory instance's traffic was captured").isGreaterThan(20);
            assertThat(signing.problems()).as(signing.toString()).isEmpty();
        } else if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError("tshark is required on CI for the wire check");
        }
    }

    private static NtlmCredentials credentials(SambaLab lab) {
        return new NtlmCredentials(lab.user(), lab.domain(), lab.password());
    }

    private ProbeResult probe(SambaLab lab, String share, ClientConfig config) {
        return Probe.run(client, lab.host(), lab.port(), share, config.withRequestTimeout(Duration.ofSeconds(10)),
                credentials(lab), this::remember);
    }

    private void remember(SmbSession session) {
        byte[] key = session.sessionKeyForCaptureDecryption();
        if (key != null) {
            keys.add(SessionKey.of(session.sessionId(), key));
        }
    }

    @ParameterizedTest(name = "{0}, signing={1}")
    @MethodSource("dialectsAndSigning")
    void shouldConnectWithEveryDialectSignedOrNot(Dialect dialect, boolean signing, SambaLab lab) {
        ProbeResult result = probe(lab, "open", ClientConfig.defaults().withDialects(List.of(dialect)).withSigning(signing));
        assertThat(result.dialect()).isEqualTo(dialect.version());
        assertThat(result.signing()).isEqualTo(signing);
        assertThat(result.shareType()).isEqualTo("DISK");
        assertThat(result.steps()).extracting(ProbeResult.Step::name).contains("negotiate", "session setup", "echo",
                "tree connect", "tree disconnect", "logoff");
        if (dialect == Dialect.SMB_3_0 || dialect == Dialect.SMB_3_0_2) {
            assertThat(result.steps()).extracting(ProbeResult.Step::name).contains("validate negotiate");
        }
    }

    static Stream<Arguments> dialectsAndSigning() {
        return Stream.of(Dialect.values()).flatMap(d -> Stream.of(Arguments.of(d, false), Arguments.of(d, true)));
    }

    @ParameterizedTest(name = "3.1.1 with {0}")
    @EnumSource(CipherSuite.class)
    void shouldEncryptWithEveryCipherOn311(CipherSuite cipher, SambaLab lab) {
        ProbeResult result = probe(lab, "open", ClientConfig.defaults().withDialects(List.of(Dialect.SMB_3_1_1))
                .withCiphers(List.of(cipher)).withEncryption(true));
        assertThat(result.cipher()).isEqualTo(cipher.displayName());
        assertThat(result.encryption()).isTrue();
    }

    @ParameterizedTest(name = "{0} encrypted with AES-128-CCM")
    @EnumSource(value = Dialect.class, names = {"SMB_3_0", "SMB_3_0_2"})
    void shouldEncryptOn30And302(Dialect dialect, SambaLab lab) {
        ProbeResult result = probe(lab, "open", ClientConfig.defaults().withDialects(List.of(dialect)).withEncryption(true));
        assertThat(result.cipher()).isEqualTo("AES-128-CCM");
        assertThat(result.encryption()).isTrue();
    }

    @ParameterizedTest(name = "3.1.1 signing with {0}")
    @EnumSource(value = SigningAlgorithm.class, names = {"AES_CMAC", "AES_GMAC"})
    void shouldSignWithEachSigningAlgorithmOn311(SigningAlgorithm algorithm, SambaLab lab) {
        ProbeResult result = probe(lab, "open", ClientConfig.defaults().withDialects(List.of(Dialect.SMB_3_1_1))
                .withSigningAlgorithms(List.of(algorithm)).withSigning(true));
        assertThat(result.signingAlgorithm()).isEqualTo(algorithm.displayName());
    }

    @ParameterizedTest(name = "encrypted share over {0}")
    @EnumSource(value = Dialect.class, names = {"SMB_3_0", "SMB_3_0_2", "SMB_3_1_1"})
    void shouldEncryptTheEncryptedShare(Dialect dialect, SambaLab lab) {
        ProbeResult result = probe(lab, "encrypted", ClientConfig.defaults().withDialects(List.of(dialect)));
        assertThat(result.shareFlags()).contains("ENCRYPT_DATA");
        assertThat(result.encryption()).isTrue();
    }

    @ParameterizedTest(name = "encrypted share refuses {0}")
    @EnumSource(value = Dialect.class, names = {"SMB_2_0_2", "SMB_2_1"})
    void shouldBeRefusedByTheEncryptedShareWithoutSmb3(Dialect dialect, SambaLab lab) {
        assertThatThrownBy(() -> probe(lab, "encrypted", ClientConfig.defaults().withDialects(List.of(dialect))))
                .isInstanceOf(SmbClientException.class)
                .hasMessageContaining("STATUS_ACCESS_DENIED");
    }

    @ParameterizedTest(name = "signing-mandatory server, {0}")
    @EnumSource(Dialect.class)
    void shouldSignWhenTheServerRequiresIt(Dialect dialect, @SigningMandatory SambaLab signingLab) {
        ProbeResult result = Probe.run(client, signingLab.host(), signingLab.port(), "open",
                ClientConfig.defaults().withDialects(List.of(dialect)), credentials(signingLab));
        assertThat(result.serverSecurityMode()).contains("SIGNING_REQUIRED");
        assertThat(result.signing()).isTrue();
    }

    @Test
    void shouldReportLogonFailureForWrongPassword(SambaLab lab) {
        NtlmCredentials wrong = new NtlmCredentials(lab.user(), lab.domain(), "not-the-password".toCharArray());
        assertThatThrownBy(() -> Probe.run(client, lab.host(), lab.port(), "open", ClientConfig.defaults(), wrong))
                .isInstanceOf(SmbAuthenticationException.class)
                .hasMessageContaining("STATUS_LOGON_FAILURE")
                .hasMessageContaining(lab.user())
                .hasMessageNotContaining("not-the-password")
                .satisfies(e -> assertThat(((SmbAuthenticationException) e).status())
                        .isEqualTo(NtStatus.STATUS_LOGON_FAILURE));
    }

    @ParameterizedTest(name = "anonymous over {0}")
    @EnumSource(value = Dialect.class, names = {"SMB_2_1", "SMB_3_1_1"})
    void shouldLogOnAnonymouslyToIpc(Dialect dialect, SambaLab lab) {
        ProbeResult result = Probe.run(client, lab.host(), lab.port(), "IPC$",
                ClientConfig.defaults().withDialects(List.of(dialect)), NtlmCredentials.anonymous());
        assertThat(result.shareType()).isEqualTo("PIPE");
        assertThat(result.signing()).as("a null session has no key to sign with").isFalse();
    }

    @Test
    void shouldRefuseAnonymousSessionWhenSigningIsRequired(SambaLab lab) {
        assertThatThrownBy(() -> Probe.run(client, lab.host(), lab.port(), "IPC$",
                ClientConfig.defaults().withSigning(true), NtlmCredentials.anonymous()))
                .isInstanceOf(SmbAuthenticationException.class)
                .hasMessageContaining("without keys");
    }

    @Test
    void shouldReportMissingShare(SambaLab lab) {
        assertThatThrownBy(() -> probe(lab, "no-such-share", ClientConfig.defaults()))
                .isInstanceOf(SmbClientException.class)
                .hasMessageContaining("STATUS_BAD_NETWORK_NAME")
                .hasMessageContaining("no such share");
    }

    @Test
    void shouldFailCleanlyWhenServerClosesMidNegotiate() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread hangUp = new Thread(() -> {
                try (Socket socket = server.accept()) {
                    InputStream in = socket.getInputStream();
                    in.readNBytes(4); // the start of our NEGOTIATE, then close without answering
                } catch (Exception ignored) {
                    // the test asserts on the client side
                }
            });
            hangUp.start();
            long start = System.nanoTime();
            assertThatThrownBy(() -> Probe.run(client, "127.0.0.1", server.getLocalPort(), "open",
                    ClientConfig.defaults(), new NtlmCredentials("u", "", "p".toCharArray())))
                    .isInstanceOf(SmbClientException.class)
                    .hasMessageContaining("closed");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            hangUp.join();
        }
    }
}
