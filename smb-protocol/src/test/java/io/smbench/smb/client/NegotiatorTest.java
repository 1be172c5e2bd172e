package io.smbench.smb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.smbench.smb.crypto.CipherSuite;
import io.smbench.smb.crypto.SigningAlgorithm;
import io.smbench.smb.mssmb2.Dialect;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MS-SMB2 3.2.5.2 checks of a NEGOTIATE response, fed the published Windows 3.1.1 response
 * (VECTORS.md §3.3 message 2) as it is and with single fields changed.
 */
class NegotiatorTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final int DIALECT_AT = 64 + 4;
    /** Offset of the encryption context's cipher id: context list at 0x1C0, preauth context 8 + 38, padded. */
    private static final int CIPHER_AT = 0x1C0 + 48 + 8 + 2;
    private static final int PREAUTH_TYPE_AT = 0x1C0;

    private EmbeddedChannel channel;
    private SmbConnection connection;

    @BeforeEach
    void setUp() {
        channel = new EmbeddedChannel();
        connection = new SmbConnection(channel);
        channel.pipeline().addLast(new Smb2ClientHandler(connection));
    }

    @AfterEach
    void tearDown() {
        channel.finishAndReleaseAll();
    }

    private static ByteBuf windowsResponse() {
        return Unpooled.wrappedBuffer(HEX.parseHex(io.smbench.smb.mssmb2.msg.GoldenMessagesTestAccess.NEGOTIATE_RESPONSE));
    }

    private CompletableFuture<NegotiationResult> negotiate(ClientConfig config, ByteBuf reply) {
        CompletableFuture<NegotiationResult> future = Negotiator.negotiate(connection, config, "server");
        ByteBuf request = channel.readOutbound();
        assertThat(request.getUnsignedShortLE(12)).as("command NEGOTIATE").isZero();
        request.release();
        channel.writeInbound(reply);
        return future;
    }

    @Test
    void shouldAcceptWindowsResponse() throws Exception {
        NegotiationResult result = negotiate(ClientConfig.defaults(), windowsResponse()).get(1, TimeUnit.SECONDS);
        assertThat(result.dialect()).isEqualTo(Dialect.SMB_3_1_1);
        assertThat(result.cipher()).isEqualTo(CipherSuite.AES_128_GCM);
        assertThat(result.signingAlgorithm()).as("no signing context: AES-CMAC").isEqualTo(SigningAlgorithm.AES_CMAC);
        assertThat(result.preauthHash()).isNotNull();
        assertThat(result.serverGuidText()).isEqualTo("f3cacb39-7129-4249-bdce-5d60f09ab3fb");
    }

    @Test
    void shouldRefuseDialectTheClientDidNotOffer() {
        ClientConfig only302 = ClientConfig.defaults().withDialects(List.of(Dialect.SMB_3_0_2));
        assertThatThrownBy(() -> negotiate(only302, windowsResponse()).get(1, TimeUnit.SECONDS))
                .hasCauseInstanceOf(SmbNegotiationException.class)
                .hasMessageContaining("chose dialect 0x0311, which the client did not offer");
    }

    @Test
    void shouldRefuseCipherTheClientDidNotOffer() {
        ClientConfig ccmOnly = ClientConfig.defaults().withCiphers(List.of(CipherSuite.AES_128_CCM));
        assertThatThrownBy(() -> negotiate(ccmOnly, windowsResponse()).get(1, TimeUnit.SECONDS))
                .hasMessageContaining("chose cipher 0x0002");
    }

    @Test
    void shouldRefuseResponseWithoutPreauthContext() {
        ByteBuf reply = windowsResponse();
        reply.setShortLE(PREAUTH_TYPE_AT, 0x0006);
        assertThatThrownBy(() -> negotiate(ClientConfig.defaults(), reply).get(1, TimeUnit.SECONDS))
                .hasMessageContaining("0 PREAUTH_INTEGRITY_CAPABILITIES contexts");
    }

    @Test
    void shouldRefuseUnknownDialectRevision() {
        ByteBuf reply = windowsResponse();
        reply.setShortLE(DIALECT_AT, 0x02FF);
        assertThatThrownBy(() -> negotiate(ClientConfig.defaults(), reply).get(1, TimeUnit.SECONDS))
                .hasMessageContaining("chose dialect 0x02FF");
    }

    @Test
    void shouldLocateCipherIdInGoldenResponse() {
        assertThat(windowsResponse().getUnsignedShortLE(CIPHER_AT)).isEqualTo(0x0002);
    }
}
