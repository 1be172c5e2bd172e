package io.smbench.fuzz.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.smbench.fuzz.live.TemplateChains.Chain;
import io.smbench.smb.mssmb2.Smb2Header;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalBytesTest {
    @Test
    void shouldZeroAssignedValuesButKeepOnesAMutationSet() {
        Chain read = TemplateChains.all().get(2);
        byte[] sent = ByteBufUtil.getBytes(read.bytes());
        List<Field> fields = RequestFields.of(read.bytes(), read.starts());
        Mutation sessionIdSet = new Mutation("0.READ.Header.SessionId", Smb2Header.SESSION_ID, 8, Mutation.Op.SET, 1, 0);
        byte[] canonical = CanonicalBytes.of(sent, fields, List.of(sessionIdSet));
        assertThat(canonical).hasSameSizeAs(sent);
        assertThat(read.bytes().getLongLE(Smb2Header.MESSAGE_ID)).isNotZero();
        assertThat(io.netty.buffer.Unpooled.wrappedBuffer(canonical).getLongLE(Smb2Header.MESSAGE_ID)).isZero();
        assertThat(io.netty.buffer.Unpooled.wrappedBuffer(canonical).getIntLE(Smb2Header.TREE_ID)).isZero();
        assertThat(io.netty.buffer.Unpooled.wrappedBuffer(canonical).getLongLE(64 + 16)).as("FileId.Persistent").isZero();
        assertThat(io.netty.buffer.Unpooled.wrappedBuffer(canonical).getLongLE(Smb2Header.SESSION_ID))
                .as("set by a mutation, so kept").isEqualTo(TemplateChains.SESSION_ID);
        assertThat(io.netty.buffer.Unpooled.wrappedBuffer(canonical).getIntLE(64 + 4)).as("READ Length kept").isEqualTo(4096);
    }
}
