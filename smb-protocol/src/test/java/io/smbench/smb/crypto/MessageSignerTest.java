package io.smbench.smb.crypto;

import static io.smbench.smb.crypto.Hex.bytes;
import static io.smbench.smb.crypto.Hex.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;

/** Signing against shared/vectors/VECTORS.md §4. */
class MessageSignerTest {
    /** The message with its Signature field zeroed, signed again by {@code signer}: the signature it writes. */
    private static String resign(MessageSigner signer, ByteBuf message) {
        ByteBuf copy = message.copy();
        copy.setZero(48, 16);
        signer.sign(copy);
        byte[] signature = new byte[16];
        copy.getBytes(48, signature);
        copy.release();
        return of(signature);
    }

    @Test
    void shouldSignSmb21MessageWithHmacSha256() {
        // §4.1 (a): SMBJ PacketSignatoryTest, 73-byte QUERY_DIRECTORY response.
        ByteBuf message = Hex.buf("FE534D4240001000060000800E00200009000000000000001500000000000000"
                + "0000000001000000250000000024000046EFDD50D6CDAA25BAC7C4B5D49A0E08"
                + "090000000000000005");
        MessageSigner signer = new HmacSha256Signer(bytes("75C5CB91419E3A45CE9EF869DFD3E2A8"));
        assertThat(signer.verify(message)).isTrue();
        assertThat(resign(signer, message)).isEqualTo("46EFDD50D6CDAA25BAC7C4B5D49A0E08");
    }

    @Test
    void shouldVerifySmb30CaptureFramesWithAesCmac() {
        // §4.2: smb3-aes-128-ccm.pcap frame 6 (SESSION_SETUP response) and frame 7 (TREE_CONNECT request).
        MessageSigner signer = new AesCmacSigner(bytes("69AC0197F65EA165DC5BFC5038A81D50"));
        ByteBuf frame6 = Hex.buf("FE534D4240000000000000000100030009000000000000000200000000000000"
                + "D5000000000000003D00009400480000CBD96F2608AD231666121653F2B2C0B5"
                + "0900000048000000");
        ByteBuf frame7 = Hex.buf("FE534D4240000100000000000300020008000000000000000300000000000000"
                + "D5000000000000003D0000940048000071AD17FD1D838197048999EB7B906CE3"
                + "09000000480024005C005C005700530032003000310036005C0065006E006300"
                + "7200790070007400650064000000");
        assertThat(signer.verify(frame6)).isTrue();
        assertThat(signer.verify(frame7)).isTrue();
        assertThat(resign(signer, frame7)).isEqualTo("71AD17FD1D838197048999EB7B906CE3");
        assertThat(of(frame6.array())).as("verify leaves the message as it was").contains("CBD96F2608AD2316");
    }

    @Test
    void shouldRejectTamperedMessage() {
        MessageSigner signer = new AesCmacSigner(bytes("69AC0197F65EA165DC5BFC5038A81D50"));
        ByteBuf frame6 = Hex.buf("FE534D4240000000000000000100030009000000000000000200000000000000"
                + "D5000000000000003D00009400480000CBD96F2608AD231666121653F2B2C0B5"
                + "0900000048000000");
        frame6.setByte(70, 0x49);
        assertThat(signer.verify(frame6)).isFalse();
    }

    @Test
    void shouldSignCancelWithAesGmacUsingTheCancelNonceBit() {
        // §4.3, derived (no published GMAC vector exists): synthetic CANCEL, MessageId 7.
        ByteBuf cancel = Hex.buf("FE534D4240000000000000000C00000008000000000000000700000000000000"
                + "0000000001000000190000000010000000000000000000000000000000000000"
                + "04000000");
        assertThat(of(AesGmacSigner.nonce(cancel))).isEqualTo("070000000000000002000000");
        MessageSigner signer = new AesGmacSigner(bytes("73FE7A9A77BEF0BDE49C650D8CCB5F76"));
        assertThat(resign(signer, cancel)).isEqualTo("0D824EF839C5866F365E557631B0173D");
        assertThat(resign(signer, cancel)).as("signing twice gives the same signature").isEqualTo(
                "0D824EF839C5866F365E557631B0173D");
    }

    @Test
    void shouldSetTheSignedFlagWhenSigning() {
        ByteBuf cancel = Hex.buf("FE534D4240000000000000000C00000000000000000000000700000000000000"
                + "0000000001000000190000000010000000000000000000000000000000000000"
                + "04000000");
        new AesCmacSigner(bytes("73FE7A9A77BEF0BDE49C650D8CCB5F76")).sign(cancel);
        assertThat(cancel.getIntLE(16) & 0x8).isEqualTo(0x8);
    }
}
