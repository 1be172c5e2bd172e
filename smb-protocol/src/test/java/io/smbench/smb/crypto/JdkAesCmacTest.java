package io.smbench.smb.crypto;

import static io.smbench.smb.crypto.Hex.bytes;
import static io.smbench.smb.crypto.Hex.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/** AES-CMAC on the JDK's AES against RFC 4493 §4 (VECTORS.md §6) and against Bouncy Castle. */
class JdkAesCmacTest {
    private static final byte[] KEY = bytes("2B7E151628AED2A6ABF7158809CF4F3C");
    private static final byte[] M = bytes("6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E51"
            + "30C81C46A35CE411E5FBC1191A0A52EFF69F2445DF4F9B17AD2B417BE66C3710");

    @Test
    void shouldMatchRfc4493Examples() {
        JdkAesCmac cmac = new JdkAesCmac(KEY);
        assertThat(of(cmac.mac(M, 0, 0))).isEqualTo("BB1D6929E95937287FA37D129B756746");
        assertThat(of(cmac.mac(M, 0, 16))).isEqualTo("070A16B46B4D4144F79BDD9DD04A287C");
        assertThat(of(cmac.mac(M, 0, 40))).isEqualTo("DFA66747DE9AE63030CA32611497C827");
        assertThat(of(cmac.mac(M, 0, 64))).isEqualTo("51F0BEBF7E3B9D92FC49741779363CFE");
    }

    @Test
    void shouldAgreeWithBouncyCastleOnEveryLength() {
        Random random = new Random(42);
        JdkAesCmac jdk = new JdkAesCmac(KEY);
        CMac bc = new CMac(AESEngine.newInstance());
        bc.init(new KeyParameter(KEY));
        for (int length = 0; length < 200; length++) {
            byte[] data = new byte[length + 3];
            random.nextBytes(data);
            bc.update(data, 3, length);
            byte[] expected = new byte[16];
            bc.doFinal(expected, 0);
            assertThat(jdk.mac(data, 3, length)).as("length %d", length).isEqualTo(expected);
        }
    }
}
