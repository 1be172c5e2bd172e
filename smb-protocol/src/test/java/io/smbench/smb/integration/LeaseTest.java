package io.smbench.smb.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.smbench.lab.SambaLab;
import io.smbench.lab.SambaTest;
import io.smbench.smb.client.BreakEvent;
import io.smbench.smb.client.ClientConfig;
import io.smbench.smb.client.Negotiator;
import io.smbench.smb.client.NegotiationResult;
import io.smbench.smb.client.SessionSetup;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.client.SmbConnection;
import io.smbench.smb.client.SmbFile;
import io.smbench.smb.client.SmbSession;
import io.smbench.smb.client.SmbTree;
import io.smbench.smb.mssmb2.Dialect;
import io.smbench.smb.mssmb2.msg.CreateContext;
import io.smbench.smb.mssmb2.msg.CreateRequest;
import io.smbench.smb.mssmb2.msg.DurableContext;
import io.smbench.smb.mssmb2.msg.LeaseContext;
import io.smbench.smb.ntlm.NtlmCredentials;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Leases against Samba: MS-SMB2 3.3.5.9.8 (lease grant), 3.3.4.7 and 3.2.5.19.2 (lease break to a
 * conflicting opener, acknowledged), 2.2.13.2.10 (v2 epochs); durable v2 grant (3.3.5.9.10).
 * Samba 4.17 grants RWH leases, v1 on 2.1 and v2 on 3.x.
 */
@SambaTest
class LeaseTest {
    private record Client(SmbConnection connection, SmbTree tree, List<BreakEvent> breaks) {}

    private static Client connect(SmbClient client, SambaLab lab, Dialect dialect) throws Exception {
        ClientConfig config = ClientConfig.defaults().withDialects(List.of(dialect)).withClientGuid(UUID.randomUUID());
        SmbConnection connection = client.connect(new InetSocketAddress(lab.host(), lab.port()), Duration.ofSeconds(5))
                .get(5, TimeUnit.SECONDS);
        List<BreakEvent> breaks = new CopyOnWriteArrayList<>();
        connection.onBreak(breaks::add);
        NegotiationResult negotiation = Negotiator.negotiate(connection, config, lab.host()).get(5, TimeUnit.SECONDS);
        SmbSession session = SessionSetup.authenticate(connection, negotiation, config,
                new NtlmCredentials(lab.user(), lab.domain(), lab.password()), lab.host()).get(5, TimeUnit.SECONDS);
        return new Client(connection, session.connectTree("open").get(5, TimeUnit.SECONDS), breaks);
    }

    private static CreateRequest open(String name, List<CreateContext> contexts) {
        return new CreateRequest(CreateRequest.OPLOCK_LEASE, 2, CreateRequest.GENERIC_READ | CreateRequest.GENERIC_WRITE,
                0x80, CreateRequest.SHARE_READ | CreateRequest.SHARE_WRITE | CreateRequest.SHARE_DELETE,
                CreateRequest.FILE_OPEN_IF, 0, name, contexts);
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[16];
        key[0] = (byte) seed;
        key[15] = 0x5A;
        return key;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Dialect.class, names = {"SMB_2_1", "SMB_3_0_2", "SMB_3_1_1"})
    void shouldBreakRwhLeaseToRhForASecondOpener(Dialect dialect, SambaLab lab) throws Exception {
        int version = dialect == Dialect.SMB_2_1 ? 1 : 2;
        String name = "lease-" + dialect.version() + ".txt";
        try (SmbClient client = new SmbClient(1)) {
            Client a = connect(client, lab, dialect);
            Client b = connect(client, lab, dialect);
            int rwh = LeaseContext.READ | LeaseContext.WRITE | LeaseContext.HANDLE;
            SmbFile first = a.tree().create(open(name, List.of(new LeaseContext(key(1), rwh, 0, null, 0, version)
                    .toCreateContext()))).get(5, TimeUnit.SECONDS);
            LeaseContext granted = first.lease().orElseThrow();
            assertThat(granted.version()).isEqualTo(version);
            assertThat(LeaseContext.stateName(granted.state())).isEqualTo("RWH");

            SmbFile second = b.tree().create(open(name, List.of(new LeaseContext(key(2), rwh, 0, null, 0, version)
                    .toCreateContext()))).get(5, TimeUnit.SECONDS);
            assertThat(a.breaks()).hasSize(1);
            BreakEvent event = a.breaks().get(0);
            assertThat(event.kind()).isEqualTo("lease");
            assertThat(event.from()).isEqualTo("RWH");
            assertThat(event.to()).isEqualTo("RH");
            assertThat(event.acknowledged()).isEqualTo("immediately");
            if (version == 2) {
                assertThat(event.epoch()).as("v2 breaks carry a new epoch (2.2.23.2)").isGreaterThan(granted.epoch());
            }
            assertThat(LeaseContext.stateName(second.lease().orElseThrow().state())).isEqualTo("RH");
            second.close().get(5, TimeUnit.SECONDS);
            first.close().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldGrantDurableV2HandleWithItsTimeout(SambaLab lab) throws Exception {
        try (SmbClient client = new SmbClient(1)) {
            Client a = connect(client, lab, Dialect.SMB_3_1_1);
            int rwh = LeaseContext.READ | LeaseContext.WRITE | LeaseContext.HANDLE;
            SmbFile file = a.tree().create(open("durable.txt", List.of(
                    new LeaseContext(key(9), rwh, 0, null, 0, 2).toCreateContext(),
                    DurableContext.v2(60_000, false, UUID.randomUUID())))).get(5, TimeUnit.SECONDS);
            byte[] response = file.created().context(DurableContext.V2);
            assertThat(response).as("DH2Q response context (2.2.14.2.12)").hasSize(8);
            int timeout = (response[0] & 0xFF) | (response[1] & 0xFF) << 8 | (response[2] & 0xFF) << 16
                    | (response[3] & 0xFF) << 24;
            assertThat(timeout).isEqualTo(60_000);
            file.close().get(5, TimeUnit.SECONDS);
        }
    }
}
