package io.smbench.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.smbench.lab.SambaLab;
import io.smbench.lab.SambaTest;
import io.smbench.lab.wire.SessionKey;
import io.smbench.lab.wire.TsharkCapture;
import io.smbench.smb.client.ClientConfig;
import io.smbench.smb.client.Negotiator;
import io.smbench.smb.client.NegotiationResult;
import io.smbench.smb.client.SessionSetup;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.client.SmbConnection;
import io.smbench.smb.client.SmbFile;
import io.smbench.smb.client.SmbSession;
import io.smbench.smb.client.SmbTree;
import io.smbench.smb.crypto.CipherSuite;
import io.smbench.smb.mssmb2.Dialect;
import io.smbench.smb.mssmb2.msg.CreateRequest;
import io.smbench.smb.ntlm.NtlmCredentials;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encrypted captures compile when given the session key (MS-SMB2 3.1.4.2 keys re-derived from the
 * session key, and on 3.1.1 from the preauth hash the compiler computes over the captured NEGOTIATE
 * and SESSION_SETUP); without it the summary counts what it could not read.
 */
@SambaTest
class EncryptedCaptureTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Dialect.class, names = {"SMB_3_0", "SMB_3_1_1"})
    void shouldCompileEncryptedTrafficWithItsSessionKey(Dialect dialect, SambaLab lab) throws Exception {
        if (!TsharkCapture.available()) {
            Assumptions.assumeFalse(!"true".equals(System.getenv("CI")), "tshark not installed");
            throw new AssertionError("tshark is required on CI");
        }
        ClientConfig config = ClientConfig.defaults().withDialects(List.of(dialect))
                .withCiphers(List.of(CipherSuite.AES_256_GCM, CipherSuite.AES_128_CCM));
        Path capture;
        SessionKey key;
        try (TsharkCapture tshark = TsharkCapture.start(dir, lab.port()); SmbClient client = new SmbClient(1)) {
            SmbConnection connection = client.connect(new InetSocketAddress(lab.host(), lab.port()),
                    Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);
            NegotiationResult negotiation = Negotiator.negotiate(connection, config, lab.host()).get(5, TimeUnit.SECONDS);
            SmbSession session = SessionSetup.authenticate(connection, negotiation, config,
                    new NtlmCredentials(lab.user(), lab.domain(), lab.password()), lab.host()).get(5, TimeUnit.SECONDS);
            key = SessionKey.of(session.sessionId(), session.sessionKeyForCaptureDecryption());
            SmbTree tree = session.connectTree("encrypted").get(5, TimeUnit.SECONDS);
            assertThat(tree.encrypts()).isTrue();
            SmbFile file = tree.create(new CreateRequest(0, 2, CreateRequest.GENERIC_READ | CreateRequest.GENERIC_WRITE,
                    0x80, 7, CreateRequest.FILE_OVERWRITE_IF, 0, "sealed-" + dialect.version() + ".txt", List.of()))
                    .get(5, TimeUnit.SECONDS);
            file.write(0, Unpooled.wrappedBuffer(new byte[5000])).get(5, TimeUnit.SECONDS);
            file.read(0, 5000).get(5, TimeUnit.SECONDS).release();
            file.close().get(5, TimeUnit.SECONDS);
            session.logoff().get(5, TimeUnit.SECONDS);
            capture = tshark.stop();
        }
        Path withKey = dir.resolve("with-key.json");
        CompileSummary decrypted = new CaptureCompiler(new CaptureCompiler.Options(Set.of(lab.port()), Map.of(), Set.of(),
                SessionKeyTable.parse(List.of(key.sessionIdWireHex() + "," + key.sessionKeyHex())))).compile(capture, withKey);
        assertThat(decrypted.encryptedMessages()).as(decrypted.format()).isZero();
        assertThat(decrypted.decryptedMessages()).isGreaterThanOrEqualTo(8);
        assertThat(decrypted.operations()).as("Open, Write, Read, Close").isEqualTo(4);

        CompileSummary blind = new CaptureCompiler(new CaptureCompiler.Options(Set.of(lab.port()), Map.of(), Set.of()))
                .compile(capture, dir.resolve("without-key.json"));
        assertThat(blind.operations()).isZero();
        assertThat(blind.encryptedMessages()).isEqualTo(decrypted.decryptedMessages());
        assertThat(blind.format()).contains("--keys");
    }
}
