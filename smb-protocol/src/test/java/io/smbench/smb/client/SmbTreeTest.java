package io.smbench.smb.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.smbench.smb.mssmb2.msg.SimpleRequest;
import io.smbench.smb.mssmb2.msg.TreeConnectResponse;
import org.junit.jupiter.api.Test;

class SmbTreeTest {
    private static SmbTree tree(int shareFlags, boolean encrypt) {
        SmbSession session = new SmbSession(null, null, ClientConfig.defaults(), 0x42, 0,
                new SessionSecurity(0x42, null, null, false, false), "server", null);
        return new SmbTree(session, "share", 7, new TreeConnectResponse(1, shareFlags, 0, 0), encrypt);
    }

    @Test
    void shouldFlagRequestsOnADfsShare() {
        OutgoingRequest dfs = tree(0x1, false).request(0x0005, SimpleRequest.INSTANCE);
        assertThat(dfs.extraFlags() & SmbTree.DFS_OPERATIONS).isNotZero();
        assertThat(dfs.treeId()).isEqualTo(7);
        assertThat(dfs.sessionId()).isEqualTo(0x42);
        OutgoingRequest plain = tree(0x30, false).request(0x0005, SimpleRequest.INSTANCE);
        assertThat(plain.extraFlags() & SmbTree.DFS_OPERATIONS).isZero();
    }

    @Test
    void shouldEncryptRequestsOnAnEncryptingTree() {
        assertThat(tree(0x8000, true).request(0x0008, SimpleRequest.INSTANCE).encrypt()).isTrue();
        assertThat(tree(0, false).request(0x0008, SimpleRequest.INSTANCE).encrypt()).isFalse();
    }
}
