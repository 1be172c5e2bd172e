package io.smbench.smb.validation;

import static io.smbench.smb.validation.Lab.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.smbench.lab.LabConfig;
import io.smbench.lab.SambaLab;
import io.smbench.lab.SambaTest;
import io.smbench.smb.client.ClientConfig;
import io.smbench.smb.client.NegotiationResult;
import io.smbench.smb.client.Negotiator;
import io.smbench.smb.client.SessionBinding;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.client.SmbConnection;
import io.smbench.smb.client.SmbFile;
import io.smbench.smb.client.SmbTree;
import io.smbench.smb.mssmb2.Dialect;
import io.smbench.smb.mssmb2.fsctl.NetworkInterfaceInfo;
import io.smbench.smb.mssmb2.msg.CreateRequest;
import io.smbench.smb.ntlm.NtlmCredentials;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Multichannel against a Samba listening on two loopback addresses, 127.0.0.1 and 127.0.0.2
 * (MS-SMB2 3.2.4.20.10 interface discovery, 3.2.5.3.3 and 3.3.5.5 session binding, 3.2.4.1.7 and
 * 3.3.5.2 requests on any channel, 3.2.4.1.1 replay after a channel is lost).
 */
@SambaTest // skips (or fails on CI) without smbd; this class starts its own two-address instance
class MultichannelBehaviourTest {
    private static final String SECOND = "127.0.0.2";
    private static SambaLab lab;

    @BeforeAll
    static void start() {
        lab = SambaLab.start(LabConfig.builder().name("multichannel").bindAddress("127.0.0.1").bindAddress(SECOND)
                .build());
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private record Bound(SmbTree tree, SmbConnection second) {
    }

    /** Logs on over 127.0.0.1, finds 127.0.0.2 among the server's interfaces and binds a channel there. */
    private static Bound bindSecondChannel(SmbClient smb, Dialect dialect) throws Exception {
        ClientConfig config = ClientConfig.defaults().withDialects(List.of(dialect)).withClientGuid(UUID.randomUUID());
        NtlmCredentials credentials = new NtlmCredentials(lab.user(), lab.domain(), lab.password());
        SmbTree tree = smb.connectTree(lab.host(), lab.port(), "open", config, credentials).get(10, TimeUnit.SECONDS);
        List<NetworkInterfaceInfo> interfaces = await(tree.queryNetworkInterfaces());
        InetSocketAddress advertised = interfaces.stream().map(NetworkInterfaceInfo::address)
                .filter(a -> a.getAddress().getHostAddress().equals(SECOND)).findFirst()
                .orElseThrow(() -> new AssertionError("127.0.0.2 not among the server's interfaces: " + interfaces));
        SmbConnection second = await(smb.connect(new InetSocketAddress(advertised.getAddress(), lab.port()),
                Duration.ofSeconds(5)));
        NegotiationResult negotiation = await(Negotiator.negotiate(second, config, lab.host()));
        await(SessionBinding.bind(tree.session(), second, negotiation, credentials));
        return new Bound(tree, second);
    }

    private static byte[] content(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    private static byte[] bytesOf(ByteBuf buffer) {
        try {
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        } finally {
            buffer.release();
        }
    }

    /**
     * MS-SMB2 3.2.5.3.3 and 3.3.5.5.2: a second connection, with the same ClientGuid and dialect,
     * binds to the session; its final SESSION_SETUP response is signed with the channel's key;
     * reads and writes then alternate between the two channels, each signed with its own key.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Dialect.class, names = {"SMB_3_0_2", "SMB_3_1_1"})
    void bindsASecondChannelAndSpreadsIo_3_2_5_3_3(Dialect dialect) throws Exception {
        try (SmbClient smb = new SmbClient(2)) {
            Bound bound = bindSecondChannel(smb, dialect);
            assertThat(bound.tree().session().channels()).hasSize(2);
            byte[] data = content(3 * 1024 * 1024);
            SmbFile file = await(bound.tree().create(Lab.file("multichannel-" + dialect.version() + ".bin",
                    CreateRequest.FILE_OVERWRITE_IF)));
            for (int i = 0; i < 8; i++) {
                await(file.write((long) i * data.length / 8, Unpooled.wrappedBuffer(data, i * data.length / 8,
                        data.length / 8)));
            }
            byte[] back = new byte[data.length];
            for (int i = 0; i < 8; i++) {
                byte[] part = bytesOf(await(file.read((long) i * data.length / 8, data.length / 8)));
                System.arraycopy(part, 0, back, i * data.length / 8, part.length);
            }
            assertThat(back).isEqualTo(data);
            assertThat(bound.second().stats().badSignatures()).isZero();
            assertThat(bound.tree().session().connection().stats().badSignatures()).isZero();
            assertThat(await(bound.second().availableCredits())).as("the second channel carried requests and got credits")
                    .isPositive();
            assertThat(bound.second().stats().responsesReceived()).as("responses on the bound channel").isGreaterThan(8);
            await(file.close());
        }
    }

    /**
     * MS-SMB2 3.2.4.1.1 and 3.3.5.2.10: when one channel's TCP connection is cut, the session lives
     * on its other channel; a transfer in progress completes (requests lost with the channel are
     * replayed on the other, flagged SMB2_FLAGS_REPLAY_OPERATION) and the data is intact.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Dialect.class, names = {"SMB_3_1_1"})
    void survivesTheLossOfOneChannel_3_2_4_1_1(Dialect dialect) throws Exception {
        try (SmbClient smb = new SmbClient(2)) {
            Bound bound = bindSecondChannel(smb, dialect);
            byte[] data = content(8 * 1024 * 1024);
            SmbFile file = await(bound.tree().create(Lab.file("lost-channel.bin", CreateRequest.FILE_OVERWRITE_IF)));
            int part = 256 * 1024;
            List<java.util.concurrent.CompletableFuture<Long>> writing = new java.util.ArrayList<>();
            for (int at = 0; at < data.length; at += part) {
                writing.add(file.write(at, Unpooled.wrappedBuffer(data, at, part))); // alternating channels
            }
            bound.second().channel().close().sync();
            for (var write : writing) {
                assertThat(write.get(20, TimeUnit.SECONDS)).isEqualTo(part);
            }
            assertThat(bound.tree().session().replayedRequests()).as("writes lost with the channel, replayed")
                    .isPositive();
            assertThat(bound.tree().session().channels()).hasSize(1);
            assertThat(bytesOf(await(file.read(0, data.length)))).isEqualTo(data);
            await(file.close());
        }
    }

    /** MS-SMB2 3.3.5.5: a binding request from a connection that negotiated another dialect is refused before it is sent. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Dialect.class, names = {"SMB_3_0"})
    void refusesBindingAcrossDialects_3_3_5_5(Dialect dialect) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            ClientConfig config = ClientConfig.defaults().withDialects(List.of(Dialect.SMB_3_1_1))
                    .withClientGuid(UUID.randomUUID());
            NtlmCredentials credentials = new NtlmCredentials(lab.user(), lab.domain(), lab.password());
            SmbTree tree = smb.connectTree(lab.host(), lab.port(), "open", config, credentials).get(10, TimeUnit.SECONDS);
            SmbConnection other = await(smb.connect(new InetSocketAddress(SECOND, lab.port()), Duration.ofSeconds(5)));
            NegotiationResult older = await(Negotiator.negotiate(other, config.withDialects(List.of(dialect)), lab.host()));
            assertThatThrownBy(() -> await(SessionBinding.bind(tree.session(), other, older, credentials)))
                    .hasMessageContaining("the new connection negotiated 3.0");
        }
    }
}
