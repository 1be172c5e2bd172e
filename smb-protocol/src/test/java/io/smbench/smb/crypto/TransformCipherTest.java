package io.smbench.smb.crypto;

import static io.smbench.smb.crypto.Hex.bytes;
import static io.smbench.smb.crypto.Hex.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;

/** Transform-header encryption against shared/vectors/VECTORS.md §5 ("SMB 3.1.1 Encryption in Windows 10"). */
class TransformCipherTest {
    private static final ByteBufAllocator ALLOC = ByteBufAllocator.DEFAULT;

    // §5.2 WRITE request plaintext (SessionId 0x0000100000000025), identical shape in §5.3 with SessionId ...21.
    private static final String GCM_WRITE = "FE534D4240000100000000000900010008000000000000000500000000000000"
            + "FFFE000001000000250000000010000000000000000000000000000000000000"
            + "3100700017000000000000000000000006000000040000000100000004000000"
            + "00000000000000007000000000000000536D623320656E6372797074696F6E20"
            + "74657374696E67";

    @Test
    void shouldEncryptGcmWriteRequestExactlyAsPublished() {
        TransformCipher cipher = new TransformCipher(CipherSuite.AES_128_GCM, bytes("A2F5E80E5D59103034F32E52F698E5EC"),
                bytes("748C50868C90F302962A5C35F5F9A8BF"));
        ByteBuf plain = Hex.buf(GCM_WRITE);
        ByteBuf out = cipher.encrypt(ALLOC, plain, 0x0000100000000025L, bytes("C7D6822D269CAF48904C664C00000000"));
        try {
            assertThat(of(out)).isEqualTo(("FD534D42BD73D97D2BC9001BCAFAC0FDFF5FEEBCC7D6822D269CAF48904C664C"
                    + "00000000870000000000010025000000001000006ECDD2A7AFC7B47763057A04"
                    + "1B8FD4DAFFE990B70C9E09D36C084E02D14EF247F8BDE38ACF6256F8B1D3B56F"
                    + "77FBDEB312FEA5E92CBCC1ED8FB2EBBFAA75E49A4A394BB44576545567C24D4C"
                    + "014D47C9FBDFDAFD2C4F9B72F8D256452620A299F48E29E53D6B61D1C13A19E9"
                    + "1AF013F00D17E3ABC2FC3D36C8C1B6B93973253852DBD442E46EE8"));
        } finally {
            out.release();
        }
    }

    @Test
    void shouldDecryptGcmWriteResponse() {
        TransformCipher cipher = new TransformCipher(CipherSuite.AES_128_GCM, bytes("A2F5E80E5D59103034F32E52F698E5EC"),
                bytes("748C50868C90F302962A5C35F5F9A8BF"));
        ByteBuf response = Hex.buf("FD534D42ACBE1CB7ED343ADF1725EF144D90D4B0E06831DD2E8EB7B400000000"
                + "000000005000000000000100250000000010000026BBBF949983A6C1C796559D"
                + "0F2C510CB651D1F7B6AC8DED32A2A0B8F2D793A815C6F6B848D69767A215841A"
                + "42D400AE6DDB5F0B44173A014973321FDD7950DA6179159B82E03C9E18A050FF"
                + "0EA1C967");
        ByteBuf plain = cipher.decrypt(ALLOC, response);
        try {
            assertThat(of(plain)).isEqualTo("FE534D4240000100000000000900010001000000000000000500000000000000"
                    + "FFFE000001000000250000000010000000000000000000000000000000000000"
                    + "11000000170000000000000000000000");
        } finally {
            plain.release();
        }
    }

    @Test
    void shouldEncryptAndDecryptCcmAsPublished() {
        TransformCipher cipher = new TransformCipher(CipherSuite.AES_128_CCM, bytes("DFAAA31AAE40A2485D47AC4DF09FDA1D"),
                bytes("95C544AEF6072680DA1CE49A68A97FA6"));
        // §5.3 WRITE request plaintext, verbatim.
        ByteBuf plain = Hex.buf("FE534D4240000100000000000900010008000000000000000500000000000000"
                + "FFFE000001000000210000000010000000000000000000000000000000000000"
                + "3100700017000000000000000000000005000000040000000100000004000000"
                + "00000000000000007000000000000000536D623320656E6372797074696F6E20"
                + "74657374696E67");
        ByteBuf out = cipher.encrypt(ALLOC, plain, 0x0000100000000021L, bytes("9F6F1EAAD7E9F24AACD38F0000000000"));
        try {
            assertThat(of(out)).startsWith("FD534D42E89551D666DAB8993488F5A97103116C9F6F1EAAD7E9F24AACD38F00")
                    .endsWith("FE8BA79154F340A82740D1D5180C69B0A2DE6A4BA893BD55D3210E");
        } finally {
            out.release();
        }
        ByteBuf response = Hex.buf("FD534D42DD33EC41A927DD51476FE887C2D3C136D96831DD2E8EB7B400000000"
                + "0000000050000000000001002100000000100000F783157E0F6F1C055D746753"
                + "CA16D20C21088E2A67564E056C2F68A7F14F226C3BD809B7A2D52E5FE4ECF498"
                + "21BC6001733430CF174E2764B3CCB213AAD8BB9FBAF6C15E13D9120965390E00"
                + "4A96A3F7");
        ByteBuf decrypted = cipher.decrypt(ALLOC, response);
        try {
            assertThat(of(decrypted)).startsWith("FE534D424000010000000000090001000100").hasSize(80 * 2);
        } finally {
            decrypted.release();
        }
    }

    @Test
    void shouldAgreeBetweenJdkAndBouncyCastleCcm() {
        java.util.Random random = new java.util.Random(7);
        for (CipherSuite suite : new CipherSuite[] {CipherSuite.AES_128_CCM, CipherSuite.AES_256_CCM}) {
            byte[] key = new byte[suite.keyBits() / 8];
            random.nextBytes(key);
            TransformCipher jdk = new TransformCipher(suite, key, key, TransformCipher.Provider.JDK);
            TransformCipher bc = new TransformCipher(suite, key, key, TransformCipher.Provider.BOUNCY_CASTLE);
            for (int length : new int[] {1, 15, 16, 17, 100, 4096, 70_000}) {
                byte[] clear = new byte[length];
                random.nextBytes(clear);
                byte[] nonce = new byte[16];
                random.nextBytes(nonce);
                ByteBuf a = jdk.encrypt(ALLOC, io.netty.buffer.Unpooled.wrappedBuffer(clear), 9L, nonce);
                ByteBuf b = bc.encrypt(ALLOC, io.netty.buffer.Unpooled.wrappedBuffer(clear), 9L, nonce);
                assertThat(of(a)).as("%s, %d bytes", suite, length).isEqualTo(of(b));
                ByteBuf back = bc.decrypt(ALLOC, a);
                assertThat(of(back)).isEqualTo(of(clear));
                back.release();
                a.release();
                b.release();
            }
        }
    }

    @Test
    void shouldRoundTripEveryCipherWithFreshNonces() {
        for (CipherSuite suite : CipherSuite.values()) {
            byte[] key = new byte[suite.keyBits() / 8];
            key[0] = 1;
            TransformCipher sender = new TransformCipher(suite, key, key);
            ByteBuf plain = Hex.buf(GCM_WRITE);
            ByteBuf first = sender.encrypt(ALLOC, plain, 42L);
            ByteBuf second = sender.encrypt(ALLOC, plain, 42L);
            assertThat(of(first).substring(40, 72)).as(suite + " nonces differ").isNotEqualTo(of(second).substring(40, 72));
            ByteBuf back = sender.decrypt(ALLOC, first);
            assertThat(of(back)).isEqualTo(GCM_WRITE);
            back.release();
            first.release();
            second.release();
        }
    }

    @Test
    void shouldRejectTamperedCiphertextAndWrongSize() {
        TransformCipher cipher = new TransformCipher(CipherSuite.AES_128_GCM, bytes("A2F5E80E5D59103034F32E52F698E5EC"),
                bytes("A2F5E80E5D59103034F32E52F698E5EC"));
        ByteBuf sealed = cipher.encrypt(ALLOC, Hex.buf(GCM_WRITE), 7L);
        sealed.setByte(60, sealed.getByte(60) ^ 1);
        assertThatThrownBy(() -> cipher.decrypt(ALLOC, sealed)).isInstanceOf(SmbCryptoException.class)
                .hasMessageContaining("does not verify");
        sealed.setIntLE(36, 5);
        assertThatThrownBy(() -> cipher.decrypt(ALLOC, sealed)).hasMessageContaining("OriginalMessageSize=5 at byte 36");
        sealed.release();
    }
}
