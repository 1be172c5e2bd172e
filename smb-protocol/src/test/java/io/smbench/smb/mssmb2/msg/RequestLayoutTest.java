package io.smbench.smb.mssmb2.msg;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.smbench.smb.client.BodyWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Offsets that requests point at must land right after their fixed part (MS-SMB2 2.2.13, 2.2.21,
 * 2.2.33, 2.2.39): a server rejects the request otherwise (STATUS_INVALID_PARAMETER).
 */
class RequestLayoutTest {
    private static ByteBuf encode(BodyWriter body) {
        ByteBuf out = Unpooled.buffer();
        out.writeZero(64);
        body.write(out, 0);
        return out;
    }

    @Test
    void shouldPointSetInfoBufferAfterItsFixedPart() {
        ByteBuf out = encode(new SetInfoRequest(1, SetInfoRequest.FILE_RENAME_INFORMATION, 0, new FileId(1, 2),
                SetInfoRequest.renameInformation("a\\b.txt", true)));
        assertThat(out.getUnsignedShortLE(64 + 8)).as("BufferOffset").isEqualTo(96);
        assertThat(out.getIntLE(64 + 4)).as("BufferLength").isEqualTo(20 + 14);
        assertThat(out.getByte(96)).as("ReplaceIfExists").isEqualTo((byte) 1);
        assertThat(out.writerIndex()).isEqualTo(96 + 34);
    }

    @Test
    void shouldPointWriteDataAfterItsFixedPart() {
        ByteBuf out = encode(new WriteRequest(new FileId(1, 2), 0, Unpooled.wrappedBuffer(new byte[] {7, 8})));
        assertThat(out.getUnsignedShortLE(64 + 2)).as("DataOffset").isEqualTo(112);
        assertThat(out.getByte(112)).isEqualTo((byte) 7);
    }

    @Test
    void shouldPointCreateNameAndContextsRight() {
        ByteBuf out = encode(new CreateRequest(0, 2, 0x80000000, 0x80, 7, 1, 0, "dir\\f.txt",
                List.of(new CreateContext("MxAc", new byte[0]), new CreateContext("QFid", new byte[0]))));
        assertThat(out.getUnsignedShortLE(64 + 44)).as("NameOffset").isEqualTo(120);
        assertThat(out.getUnsignedShortLE(64 + 46)).as("NameLength").isEqualTo(18);
        long contexts = out.getUnsignedIntLE(64 + 48);
        assertThat(contexts % 8).as("CreateContextsOffset 8-byte aligned").isZero();
        assertThat(contexts).isEqualTo(144);
        assertThat(CreateContext.readAll(out, contexts, out.getUnsignedIntLE(64 + 52), "test"))
                .extracting(CreateContext::name).containsExactly("MxAc", "QFid");
    }

    @Test
    void shouldPointQueryDirectoryPatternAfterItsFixedPart() {
        ByteBuf out = encode(new QueryDirectoryRequest(0x25, 1, new FileId(1, 2), "*.txt", 65536));
        assertThat(out.getUnsignedShortLE(64 + 24)).as("FileNameOffset").isEqualTo(96);
        assertThat(out.getUnsignedShortLE(64 + 26)).as("FileNameLength").isEqualTo(10);
    }
}
