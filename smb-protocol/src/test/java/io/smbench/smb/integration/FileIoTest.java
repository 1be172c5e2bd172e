package io.smbench.smb.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.smbench.lab.SambaLab;
import io.smbench.lab.SambaTest;
import io.smbench.smb.client.ClientConfig;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.client.SmbFile;
import io.smbench.smb.client.SmbStatusException;
import io.smbench.smb.client.SmbTree;
import io.smbench.smb.mserref.NtStatus;
import io.smbench.smb.mssmb2.Dialect;
import io.smbench.smb.mssmb2.msg.CloseResponse;
import io.smbench.smb.mssmb2.msg.CreateRequest;
import io.smbench.smb.mssmb2.msg.CreateResponse;
import io.smbench.smb.ntlm.NtlmCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** CREATE, WRITE, READ and CLOSE against Samba, checked on the share's disk. */
@SambaTest
class FileIoTest {
    private static SmbTree connect(SmbClient client, SambaLab lab, ClientConfig config, String share) throws Exception {
        return client.connectTree(lab.host(), lab.port(), share, config,
                new NtlmCredentials(lab.user(), lab.domain(), lab.password())).get(10, TimeUnit.SECONDS);
    }

    private static CreateRequest create(String name, int disposition) {
        return new CreateRequest(CreateRequest.OPLOCK_NONE, CreateRequest.IMPERSONATION_IMPERSONATION,
                CreateRequest.GENERIC_READ | CreateRequest.GENERIC_WRITE, CreateRequest.FILE_ATTRIBUTE_NORMAL,
                CreateRequest.SHARE_READ | CreateRequest.SHARE_WRITE, disposition, CreateRequest.FILE_NON_DIRECTORY_FILE,
                name, List.of());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Dialect.class)
    void shouldWriteReadAndCloseLargeFileSplitByMaxSizes(Dialect dialect, SambaLab lab) throws Exception {
        byte[] content = new byte[20 * 1024 * 1024 + 12_345]; // more than Samba's 8 MiB MaxRead/WriteSize
        new Random(dialect.ordinal()).nextBytes(content);
        String name = "big-" + dialect.version() + ".bin";
        ClientConfig config = ClientConfig.defaults().withDialects(List.of(dialect)).withSigning(dialect.isSmb3());
        try (SmbClient client = new SmbClient(1)) {
            SmbTree tree = connect(client, lab, config, "open");
            SmbFile file = tree.create(create(name, CreateRequest.FILE_OVERWRITE_IF)).get(10, TimeUnit.SECONDS);
            assertThat(file.created().createAction()).isEqualTo(CreateResponse.FILE_CREATED);
            long written = file.write(0, Unpooled.wrappedBuffer(content)).get(60, TimeUnit.SECONDS);
            assertThat(written).isEqualTo(content.length);
            ByteBuf back = file.read(0, content.length + 100).get(60, TimeUnit.SECONDS);
            try {
                assertThat(back.readableBytes()).isEqualTo(content.length);
                assertThat(ByteBufUtil.getBytes(back)).isEqualTo(content);
            } finally {
                back.release();
            }
            CloseResponse closed = file.close().get(10, TimeUnit.SECONDS);
            assertThat(closed.endOfFile()).isEqualTo(content.length);
        }
        assertThat(Files.readAllBytes(lab.shareDir("open").resolve(name))).isEqualTo(content);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Dialect.class, names = {"SMB_2_1", "SMB_3_1_1"})
    void shouldRunRelatedCompoundCreateWriteClose(Dialect dialect, SambaLab lab) throws Exception {
        String name = "compound-" + dialect.version() + ".txt";
        try (SmbClient client = new SmbClient(1)) {
            SmbTree tree = connect(client, lab, ClientConfig.defaults().withDialects(List.of(dialect)), "open");
            int[] statuses = tree.createWriteClose(create(name, CreateRequest.FILE_CREATE),
                    Unpooled.copiedBuffer("hello compound", java.nio.charset.StandardCharsets.US_ASCII))
                    .get(10, TimeUnit.SECONDS);
            assertThat(statuses).containsExactly(0, 0, 0);
        }
        Path onDisk = lab.shareDir("open").resolve(name);
        assertThat(Files.readString(onDisk)).isEqualTo("hello compound");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Dialect.class, names = {"SMB_3_0", "SMB_3_1_1"})
    void shouldWriteThroughTheEncryptedShare(Dialect dialect, SambaLab lab) throws Exception {
        String name = "secret-" + dialect.version() + ".txt";
        try (SmbClient client = new SmbClient(1)) {
            SmbTree tree = connect(client, lab, ClientConfig.defaults().withDialects(List.of(dialect)), "encrypted");
            assertThat(tree.encrypts()).isTrue();
            SmbFile file = tree.create(create(name, CreateRequest.FILE_CREATE)).get(10, TimeUnit.SECONDS);
            file.write(0, Unpooled.copiedBuffer("sealed", java.nio.charset.StandardCharsets.US_ASCII)).get(10, TimeUnit.SECONDS);
            file.close().get(10, TimeUnit.SECONDS);
        }
        assertThat(Files.readString(lab.shareDir("encrypted").resolve(name))).isEqualTo("sealed");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Dialect.class, names = {"SMB_3_1_1"})
    void shouldReportObjectNameCollisionAndNotFound(Dialect dialect, SambaLab lab) throws Exception {
        Files.writeString(lab.shareDir("open").resolve("exists.txt"), "x");
        try (SmbClient client = new SmbClient(1)) {
            SmbTree tree = connect(client, lab, ClientConfig.defaults().withDialects(List.of(dialect)), "open");
            assertThatThrownBy(() -> tree.create(create("exists.txt", CreateRequest.FILE_CREATE)).get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SmbStatusException.class)
                    .hasMessageContaining("STATUS_OBJECT_NAME_COLLISION");
            assertThatThrownBy(() -> tree.create(create("missing.txt", CreateRequest.FILE_OPEN)).get(10, TimeUnit.SECONDS))
                    .satisfies(e -> assertThat(((SmbStatusException) e.getCause()).status())
                            .isEqualTo(NtStatus.STATUS_OBJECT_NAME_NOT_FOUND));
        }
    }
}
