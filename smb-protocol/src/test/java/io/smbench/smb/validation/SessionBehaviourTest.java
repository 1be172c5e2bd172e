package io.smbench.smb.validation;

import static io.smbench.smb.validation.Lab.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smbench.lab.SambaLab;
import io.smbench.lab.SambaTest;
import io.smbench.smb.client.Smb2Response;
import io.smbench.smb.client.SmbClient;
import io.smbench.smb.client.SmbSession;
import io.smbench.smb.client.SmbTree;
import io.smbench.smb.mserref.NtStatus;
import io.smbench.smb.mssmb2.Smb2Command;
import io.smbench.smb.mssmb2.msg.CreateRequest;
import org.junit.jupiter.api.Test;

/** Sessions and tree connects (MS-SMB2 3.3.5.2.9, 3.3.5.2.11, 3.3.5.6, 3.3.5.7, 3.3.5.8, 3.3.5.16). */
@SambaTest
class SessionBehaviourTest {
    /** MS-SMB2 3.3.5.7: TREE_CONNECT to a share that does not exist fails with STATUS_BAD_NETWORK_NAME. */
    @Test
    void treeConnectToUnknownShare_3_3_5_7(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbSession session = Lab.client(smb, lab).tree().session();
            assertThatThrownBy(() -> await(session.connectTree("no-such-share")))
                    .hasMessageContaining("STATUS_BAD_NETWORK_NAME");
        }
    }

    /** MS-SMB2 3.3.5.2.11: after TREE_DISCONNECT, requests on the TreeId fail with STATUS_NETWORK_NAME_DELETED. */
    @Test
    void requestOnDisconnectedTree_3_3_5_2_11(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            await(tree.disconnect());
            try (Smb2Response response = await(tree.session().connection().send(tree.request(Smb2Command.CREATE,
                    Lab.file("after-disconnect.txt", CreateRequest.FILE_OPEN_IF))))) {
                assertThat(NtStatus.describe(response.status())).isEqualTo("STATUS_NETWORK_NAME_DELETED");
            }
        }
    }

    /** MS-SMB2 3.3.5.6 and 3.3.5.2.9: after LOGOFF, requests on the SessionId fail with STATUS_USER_SESSION_DELETED. */
    @Test
    void requestAfterLogoff_3_3_5_2_9(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            await(tree.session().logoff());
            try (Smb2Response response = await(tree.session().connection().send(tree.request(Smb2Command.CREATE,
                    Lab.file("after-logoff.txt", CreateRequest.FILE_OPEN_IF))))) {
                assertThat(NtStatus.describe(response.status())).isEqualTo("STATUS_USER_SESSION_DELETED");
            }
        }
    }

    /** MS-SMB2 3.3.5.16: ECHO is answered, on a busy session as on an idle one. */
    @Test
    void answersEcho_3_3_5_16(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbSession session = Lab.client(smb, lab).tree().session();
            for (int i = 0; i < 3; i++) {
                await(session.echo());
            }
            assertThat(session.connection().stats().timeouts()).isZero();
        }
    }

    /** MS-SMB2 3.3.5.2.9 and 3.3.5.5: a SessionId the server never issued is refused with STATUS_USER_SESSION_DELETED. */
    @Test
    void unknownSessionIdIsRefused_3_3_5_2_9(SambaLab lab) throws Exception {
        try (SmbClient smb = new SmbClient(1)) {
            SmbTree tree = Lab.client(smb, lab).tree();
            var request = io.smbench.smb.client.OutgoingRequest.of(Smb2Command.ECHO, 0x0123456789ABCDEFL, 0, 1,
                    io.smbench.smb.mssmb2.msg.SimpleRequest.INSTANCE, java.time.Duration.ofSeconds(5));
            try (Smb2Response response = await(tree.session().connection().send(request))) {
                // ECHO needs no session (3.3.5.16), so Samba answers it; a CREATE does need one.
                assertThat(response.status()).isZero();
            }
            var create = io.smbench.smb.client.OutgoingRequest.of(Smb2Command.CREATE, 0x0123456789ABCDEFL,
                    tree.treeId(), 1, Lab.file("ghost.txt", CreateRequest.FILE_OPEN_IF), java.time.Duration.ofSeconds(5));
            try (Smb2Response response = await(tree.session().connection().send(create))) {
                assertThat(NtStatus.describe(response.status())).isEqualTo("STATUS_USER_SESSION_DELETED");
            }
        }
    }
}
