package io.smbench.smb.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.smbench.lab.SambaLab;
import io.smbench.lab.SambaTest;
import io.smbench.smb.client.BreakEvent;
import io.smbench.smb.client.ClientConfig;
import io.smbench.smb.client.NegotiationResult;
import io.smbench.smb.client.Negotiator;
import io.smbench.smb.client.SessionSetup;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.client.SmbConnection;
import io.smbench.smb.client.SmbFile;
import io.smbench.smb.client.SmbSession;
import io.smbench.smb.client.SmbStatusException;
import io.smbench.smb.client.SmbTree;
import io.smbench.smb.mserref.NtStatus;
import io.smbench.smb.mssmb2.Dialect;
import io.smbench.smb.mssmb2.msg.CreateRequest;
import io.smbench.smb.ntlm.NtlmCredentials;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Several sessions on one connection, as the users of one machine share it (MS-SMB2 3.2.1.2
 * Connection.SessionTable; 3.3.5.5.1: a SESSION_SETUP with SessionId 0 on an existing connection
 * starts a new session). Each session signs or encrypts with its own keys; MessageIds and credits
 * belong to the connection.
 */
@SambaTest
class MultiSessionTest {
    private static final int SESSIONS = 2;

    private record Shared(SmbConnection connection, NegotiationResult negotiation, ClientConfig config) {}

    private static Shared connect(SmbClient client, SambaLab lab, ClientConfig config) throws Exception {
        SmbConnection connection = client.connect(new InetSocketAddress(lab.host(), lab.port()), Duration.ofSeconds(5))
                .get(5, TimeUnit.SECONDS);
        NegotiationResult negotiation = Negotiator.negotiate(connection, config, lab.host()).get(5, TimeUnit.SECONDS);
        return new Shared(connection, negotiation, config);
    }

    private static SmbSession logOn(Shared shared, SambaLab lab) throws Exception {
        return SessionSetup.authenticate(shared.connection(), shared.negotiation(), shared.config(),
                new NtlmCredentials(lab.user(), lab.domain(), lab.password()), lab.host()).get(10, TimeUnit.SECONDS);
    }

    private static CreateRequest create(String name, int oplock, int disposition) {
        return new CreateRequest(oplock, CreateRequest.IMPERSONATION_IMPERSONATION,
                CreateRequest.GENERIC_READ | CreateRequest.GENERIC_WRITE, CreateRequest.FILE_ATTRIBUTE_NORMAL,
                CreateRequest.SHARE_READ | CreateRequest.SHARE_WRITE, disposition, CreateRequest.FILE_NON_DIRECTORY_FILE,
                name, List.of());
    }

    /** Writes {@code content} to {@code name} on {@code tree}, reads it back and closes; the bytes read. */
    private static CompletableFuture<byte[]> writeAndReadBack(SmbTree tree, String name, byte[] content) {
        return tree.create(create(name, CreateRequest.OPLOCK_NONE, CreateRequest.FILE_OVERWRITE_IF))
                .thenCompose(file -> file.write(0, Unpooled.wrappedBuffer(content))
                        .thenCompose(written -> file.read(0, content.length))
                        .thenCompose(data -> {
                            byte[] back = ByteBufUtil.getBytes(data);
                            data.release();
                            return file.close().thenApply(closed -> back);
                        }));
    }

    @ParameterizedTest(name = "{0} {1}")
    @EnumSource(value = Dialect.class, names = {"SMB_2_1", "SMB_3_0_2", "SMB_3_1_1"})
    void shouldRunTwoSignedSessionsOnOneConnectionAndKeepOneAfterTheOtherLogsOff(Dialect dialect, SambaLab lab)
            throws Exception {
        ClientConfig config = ClientConfig.defaults().withDialects(List.of(dialect)).withSigning(true);
        try (SmbClient client = new SmbClient(1)) {
            Shared shared = connect(client, lab, config);
            SmbSession[] sessions = new SmbSession[SESSIONS];
            SmbTree[] trees = new SmbTree[SESSIONS];
            for (int i = 0; i < SESSIONS; i++) {
                sessions[i] = logOn(shared, lab);
                trees[i] = sessions[i].connectTree("open").get(5, TimeUnit.SECONDS);
                assertThat(sessions[i].connection()).isSameAs(shared.connection());
                assertThat(sessions[i].signs()).isTrue();
            }
            assertThat(sessions[0].sessionId()).isNotEqualTo(sessions[1].sessionId());

            // Both sessions' I/O in flight at once, multiplexed on the connection's credits; each
            // signed with its own key (a signature under the wrong key fails the response).
            byte[][] contents = new byte[SESSIONS][300_000];
            List<CompletableFuture<byte[]>> io = new java.util.ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                new Random(i).nextBytes(contents[i]);
                io.add(writeAndReadBack(trees[i], "multi-" + dialect.version() + "-" + i + ".bin", contents[i]));
            }
            for (int i = 0; i < SESSIONS; i++) {
                assertThat(io.get(i).get(20, TimeUnit.SECONDS)).isEqualTo(contents[i]);
                assertThat(Files.readAllBytes(lab.shareDir("open").resolve("multi-" + dialect.version() + "-" + i
                        + ".bin"))).isEqualTo(contents[i]);
            }

            sessions[0].logoff().get(5, TimeUnit.SECONDS);
            assertThatThrownBy(() -> trees[0].create(create("after-logoff.txt", CreateRequest.OPLOCK_NONE,
                    CreateRequest.FILE_OVERWRITE_IF)).get(5, TimeUnit.SECONDS))
                    .satisfies(e -> assertThat(((SmbStatusException) e.getCause()).status())
                            .isEqualTo(NtStatus.STATUS_USER_SESSION_DELETED));

            byte[] after = "still here".getBytes(StandardCharsets.US_ASCII);
            assertThat(writeAndReadBack(trees[1], "survivor-" + dialect.version() + ".txt", after)
                    .get(10, TimeUnit.SECONDS)).isEqualTo(after);
            assertThat(shared.connection().channel().isActive()).isTrue();
            sessions[1].logoff().get(5, TimeUnit.SECONDS);
        }
        assertThat(lab.shareDir("open").resolve("after-logoff.txt")).doesNotExist();
    }

    @Test
    void shouldEncryptEachSessionWithItsOwnKeysOnTheSameConnection(SambaLab lab) throws Exception {
        ClientConfig config = ClientConfig.defaults().withDialects(List.of(Dialect.SMB_3_1_1));
        try (SmbClient client = new SmbClient(1)) {
            Shared shared = connect(client, lab, config);
            SmbTree first = logOn(shared, lab).connectTree("encrypted").get(5, TimeUnit.SECONDS);
            SmbTree second = logOn(shared, lab).connectTree("encrypted").get(5, TimeUnit.SECONDS);
            assertThat(first.encrypts()).isTrue();
            assertThat(second.encrypts()).isTrue();
            byte[] a = "sealed by the first session".getBytes(StandardCharsets.US_ASCII);
            byte[] b = "sealed by the second session".getBytes(StandardCharsets.US_ASCII);
            CompletableFuture<byte[]> one = writeAndReadBack(first, "enc-1.txt", a);
            CompletableFuture<byte[]> two = writeAndReadBack(second, "enc-2.txt", b);
            assertThat(one.get(10, TimeUnit.SECONDS)).isEqualTo(a);
            assertThat(two.get(10, TimeUnit.SECONDS)).isEqualTo(b);
            assertThat(shared.connection().stats().decryptFailures()).isZero();
        }
        assertThat(Files.readString(lab.shareDir("encrypted").resolve("enc-2.txt")))
                .isEqualTo("sealed by the second session");
    }

    @Test
    void shouldRouteAnOplockBreakToTheSessionThatHoldsTheOplock(SambaLab lab) throws Exception {
        ClientConfig config = ClientConfig.defaults().withDialects(List.of(Dialect.SMB_3_1_1));
        try (SmbClient client = new SmbClient(1)) {
            Shared shared = connect(client, lab, config);
            List<BreakEvent> breaks = new CopyOnWriteArrayList<>();
            shared.connection().onBreak(breaks::add);
            SmbSession holderSession = logOn(shared, lab);
            SmbSession otherSession = logOn(shared, lab);
            SmbTree holder = holderSession.connectTree("open").get(5, TimeUnit.SECONDS);
            SmbTree other = otherSession.connectTree("open").get(5, TimeUnit.SECONDS);

            SmbFile batch = holder.create(create("contended.txt", CreateRequest.OPLOCK_BATCH,
                    CreateRequest.FILE_OVERWRITE_IF)).get(5, TimeUnit.SECONDS);
            assertThat(batch.created().oplockLevel()).isEqualTo(CreateRequest.OPLOCK_BATCH);
            // The second open waits for the break to be acknowledged on the holder's session; the
            // acknowledgment rides the same connection as the blocked CREATE.
            long started = System.nanoTime();
            SmbFile second = other.create(create("contended.txt", CreateRequest.OPLOCK_NONE, CreateRequest.FILE_OPEN))
                    .get(10, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("acknowledged, not timed out")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(breaks).singleElement().satisfies(event -> {
                assertThat(event.sessionId()).isEqualTo(holderSession.sessionId());
                assertThat(event.path()).isEqualTo("contended.txt");
                assertThat(event.from()).isEqualTo("Batch");
                assertThat(event.acknowledged()).isEqualTo("immediately");
            });
            second.close().get(5, TimeUnit.SECONDS);
            batch.close().get(5, TimeUnit.SECONDS);
        }
    }
}
