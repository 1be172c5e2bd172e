package io.smbench.smb.mssmb2.msg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.smbench.smb.mssmb2.Smb2DecodeException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * IOCTL and ERROR messages from a real SMB 3.1.1 session: Zeek's BSD-licensed trace
 * smb2-zero-byte-error-ioctl.pcapng (engine/src/test/resources/captures/SOURCES.md), frames 53
 * (IOCTL request, FSCTL_PIPE_TRANSCEIVE), 54 (its response) and 60 (an interim STATUS_PENDING
 * response carrying the 9-byte error body); plus the CREATE error response of VECTORS.md §4.1 (b).
 */
class CapturedMessagesTest {
    private static final HexFormat HEX = HexFormat.of();
    static final String IOCTL_REQUEST = "fe534d4240000100000000000b00000100000000000000000600000000000000fffe00007f52cce8b62bf10300000000000000000000000000000000000000003900000017c01100ecaf5877000000000faaf55300000000780000004800000000000000000000000000000000000100010000000000000005000b03100000004800000001000000ffffffff000000000100000000000100c84f324b7016d30112785a47bf6ee18803000000045d888aeb1cc9119fe808002b10486002000000";
    static final String IOCTL_RESPONSE = "fe534d4240000100000000000b00000101000000000000000600000000000000fffe00007f52cce8b62bf10300000000000000000000000000000000000000003100000017c01100ecaf5877000000000faaf5530000000070000000000000007000000044000000000000000000000005000c03100000004400000001000000d016d016f05300000d005c706970655c73727673766300000100000000000000045d888aeb1cc9119fe808002b10486002000000";
    static final String INTERIM = "fe534d4240000000030100000b000001030000000000000007000000000000000700000000000000"
            + "b62bf1030000000000000000000000000000000000000000090000000000000021";

    @Test
    void shouldEncodeTheCapturedIoctlRequestBody() {
        byte[] captured = HEX.parseHex(IOCTL_REQUEST);
        ByteBuf body = Unpooled.wrappedBuffer(captured);
        int inputOffset = body.getIntLE(64 + 24);
        int inputCount = body.getIntLE(64 + 28);
        byte[] input = java.util.Arrays.copyOfRange(captured, inputOffset, inputOffset + inputCount);
        IoctlRequest request = new IoctlRequest(body.getIntLE(64 + 4), body.getLongLE(64 + 8), body.getLongLE(64 + 16),
                input, body.getIntLE(64 + 44), (body.getIntLE(64 + 48) & 1) != 0);
        ByteBuf out = Unpooled.buffer();
        out.writeZero(64);
        request.write(out, 0);
        // The captured client set MaxInputResponse (offset 32 of the body); ours is 0. Everything else matches.
        byte[] ours = java.util.Arrays.copyOfRange(out.array(), 64, out.writerIndex());
        byte[] theirs = java.util.Arrays.copyOfRange(captured, 64, captured.length);
        theirs[32] = theirs[33] = theirs[34] = theirs[35] = 0;
        assertThat(HEX.formatHex(ours)).isEqualTo(HEX.formatHex(theirs));
        assertThat(request.ctlCode()).isEqualTo(0x0011C017);
    }

    @Test
    void shouldDecodeTheCapturedIoctlResponse() {
        IoctlResponse response = IoctlResponse.decode(Unpooled.wrappedBuffer(HEX.parseHex(IOCTL_RESPONSE)));
        assertThat(response.ctlCode()).isEqualTo(0x0011C017);
        assertThat(response.output()).hasSize(0x44).startsWith((byte) 0x05, (byte) 0x00, (byte) 0x0C, (byte) 0x03);
        byte[] whole = HEX.parseHex(IOCTL_RESPONSE);
        for (int length = 0; length < whole.length; length++) {
            ByteBuf prefix = Unpooled.wrappedBuffer(whole, 0, length);
            assertThatThrownBy(() -> IoctlResponse.decode(prefix)).isInstanceOf(Smb2DecodeException.class);
        }
    }

    @Test
    void shouldDecodeErrorBodies() {
        ErrorResponse interim = ErrorResponse.decode(Unpooled.wrappedBuffer(HEX.parseHex(INTERIM)));
        assertThat(interim.errorContextCount()).isZero();
        assertThat(interim.errorData()).isEmpty();
        // VECTORS.md §4.1 (b): CREATE error response, STATUS_NOT_A_DIRECTORY, 9-byte body plus compound padding.
        ErrorResponse notADirectory = ErrorResponse.decode(Unpooled.wrappedBuffer(HEX.parseHex(
                "FE534D4240000100030100C0050001000900000000000000BA9E620000000000"
                + "00000000010000009103001C041400001FEDE330C927BC01F83C3C0E07DCB0BA"
                + "09000000000000000000000000000000")));
        assertThat(notADirectory.errorData()).isEmpty();
        ByteBuf lying = Unpooled.wrappedBuffer(HEX.parseHex(INTERIM));
        lying.setIntLE(68, 500);
        assertThatThrownBy(() -> ErrorResponse.decode(lying)).hasMessageContaining("ErrorDataOffset=0x48 + ErrorDataLength=0x1F4");
    }
}
