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
import io.smbench.smb.mssmb2.Dialect;
import io.smbench.smb.mssmb2.msg.CreateContext;
import io.smbench.smb.mssmb2.msg.CreateRequest;
import io.smbench.smb.mssmb2.msg.DurableContext;
import io.smbench.smb.mssmb2.msg.LeaseContext;
import io.smbench.smb.ntlm.NtlmCredentials;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Durable v2 handles survive a cut TCP connection (MS-SMB2 3.2.4.4 re-establishing a durable open,
 * 3.3.5.9.12 DH2C): the client reconnects with the same ClientGuid, logs on again and reclaims the
 * open with its FileId, CreateGuid and lease key. Samba hands back the open (a new volatile FileId)
 * with the data written before the cut; a wrong CreateGuid is refused.
 */
@SambaTest
class DurableReconnectTest {
    private static final int RWH = LeaseContext.READ | LeaseContext.WRITE | LeaseContext.HANDLE;
    private static final byte[] LEASE_KEY = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    private static SmbTree logOn(SmbClient client, SambaLab lab, ClientConfig config) throws Exception {
        return client.connectTree(lab.host(), lab.port(), "open", config,
                new NtlmCredentials(lab.user(), lab.domain(), lab.password())).get(10, TimeUnit.SECONDS);
    }

    private static CreateRequest create(String name, int disposition, List<CreateContext> contexts) {
        return new CreateRequest(CreateRequest.OPLOCK_LEASE, 2, CreateRequest.GENERIC_READ | CreateRequest.GENERIC_WRITE,
                0x80, CreateRequest.SHARE_READ | CreateRequest.SHARE_WRITE, disposition, 0, name, contexts);
    }

    @Test
    void shouldReclaimDurableHandleAfterTheConnectionIsCut(SambaLab lab) throws Exception {
        ClientConfig config = ClientConfig.defaults().withDialects(List.of(Dialect.SMB_3_1_1));
        UUID createGuid = UUID.randomUUID();
        byte[] payload = "written before the cut".getBytes(StandardCharsets.US_ASCII);
        try (SmbClient client = new SmbClient(1)) {
            SmbTree tree = logOn(client, lab, config);
            SmbFile file = tree.create(create("durable-cut.txt", CreateRequest.FILE_OVERWRITE_IF, List.of(
                    new LeaseContext(LEASE_KEY, RWH, 0, null, 0, 2).toCreateContext(),
                    DurableContext.v2(60_000, false, createGuid)))).get(5, TimeUnit.SECONDS);
            assertThat(file.created().context(DurableContext.V2)).as("durable granted").isNotNull();
            file.write(0, Unpooled.wrappedBuffer(payload)).get(5, TimeUnit.SECONDS);

            // Cut the TCP connection under the open, as a network failure would.
            tree.session().connection().channel().close().sync();
            Thread.sleep(200);

            SmbTree again = logOn(client, lab, config);
            SmbFile reclaimed = again.create(create("durable-cut.txt", CreateRequest.FILE_OPEN, List.of(
                    new LeaseContext(LEASE_KEY, RWH, 0, null, 0, 2).toCreateContext(),
                    DurableContext.reconnectV2(file.fileId(), createGuid, false)))).get(5, TimeUnit.SECONDS);
            assertThat(reclaimed.fileId().persistent()).isEqualTo(file.fileId().persistent());
            assertThat(LeaseContext.stateName(reclaimed.lease().orElseThrow().state())).isEqualTo("RWH");
            ByteBuf data = reclaimed.read(0, 100).get(5, TimeUnit.SECONDS);
            try {
                assertThat(ByteBufUtil.getBytes(data)).isEqualTo(payload);
            } finally {
                data.release();
            }
            reclaimed.close().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldRefuseReconnectWithAnotherCreateGuid(SambaLab lab) throws Exception {
        ClientConfig config = ClientConfig.defaults().withDialects(List.of(Dialect.SMB_3_1_1));
        try (SmbClient client = new SmbClient(1)) {
            SmbTree tree = logOn(client, lab, config);
            SmbFile file = tree.create(create("durable-guid.txt", CreateRequest.FILE_OVERWRITE_IF, List.of(
                    new LeaseContext(LEASE_KEY, RWH, 0, null, 0, 2).toCreateContext(),
                    DurableContext.v2(60_000, false, UUID.randomUUID())))).get(5, TimeUnit.SECONDS);
            tree.session().connection().channel().close().sync();
            Thread.sleep(200);
            SmbTree again = logOn(client, lab, config);
            assertThatThrownBy(() -> again.create(create("durable-guid.txt", CreateRequest.FILE_OPEN, List.of(
                    new LeaseContext(LEASE_KEY, RWH, 0, null, 0, 2).toCreateContext(),
                    DurableContext.reconnectV2(file.fileId(), UUID.randomUUID(), false)))).get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SmbStatusException.class)
                    .hasMessageContaining("STATUS_OBJECT_NAME_NOT_FOUND");
        }
    }

}
