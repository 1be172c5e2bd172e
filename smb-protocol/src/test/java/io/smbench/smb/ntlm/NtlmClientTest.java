package io.smbench.smb.ntlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** NTLMv2 against MS-NLMP 4.2.4 and the anatomy blog's real session (shared/vectors/VECTORS.md §1). */
class NtlmClientTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    // §4.2.4.3 CHALLENGE_MESSAGE, 88 bytes.
    private static final byte[] CHALLENGE = bytes("4E544C4D53535000020000000C000C003800000033828AE20123456789ABCDEF"
            + "00000000000000002400240044000000060070170000000F5300650072007600"
            + "6500720002000C0044006F006D00610069006E0001000C005300650072007600"
            + "6500720000000000");

    // §4.2.4.3 AUTHENTICATE_MESSAGE, 232 bytes (no MIC field: the example predates it).
    private static final String AUTHENTICATE = "4E544C4D5353500003000000180018006C00000054005400840000000C000C00"
            + "480000000800080054000000100010005C00000010001000D8000000358288E2"
            + "0501280A0000000F44006F006D00610069006E00550073006500720043004F00"
            + "4D005000550054004500520086C35097AC9CEC102554764A57CCCC19AAAAAAAA"
            + "AAAAAAAA68CD0AB851E51C96AABC927BEBEF6A1C010100000000000000000000"
            + "00000000AAAAAAAAAAAAAAAA0000000002000C0044006F006D00610069006E00"
            + "01000C005300650072007600650072000000000000000000C5DAD2544FC97990"
            + "94CE1CE90BC9D03E";

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** §4.2.1 inputs: Time 0, ClientChallenge AA.., RandomSessionKey 55... */
    private static final NtlmEntropy SPEC_ENTROPY = new NtlmEntropy() {
        @Override
        public byte[] clientChallenge() {
            return bytes("AAAAAAAAAAAAAAAA");
        }

        @Override
        public byte[] randomSessionKey() {
            return bytes("55555555555555555555555555555555");
        }

        @Override
        public long fileTimeNow() {
            return 0;
        }
    };

    @Test
    void shouldComputeNtowfV2AsSection42411() {
        assertThat(HEX.formatHex(NtlmCrypto.ntHash("Password".toCharArray()))).isEqualTo("A4F49C406510BDCAB6824EE7C30FD852");
        assertThat(HEX.formatHex(NtlmCrypto.ntowfV2("Password".toCharArray(), "User", "Domain")))
                .isEqualTo("0C868A403BFD7A93A3001EF22EF02E3F");
    }

    @Test
    void shouldDecodeSpecChallenge() {
        NtlmChallenge challenge = NtlmChallenge.decode(CHALLENGE);
        assertThat(challenge.flags()).isEqualTo(0xE28A8233);
        assertThat(HEX.formatHex(challenge.serverChallenge())).isEqualTo("0123456789ABCDEF");
        assertThat(challenge.targetName()).isEqualTo("Server");
        assertThat(challenge.targetInfo().pairs()).hasSize(2);
        assertThat(challenge.targetInfo().timestamp()).isEqualTo(-1);
    }

    @Test
    void shouldReproduceSpecAuthenticateMessage() {
        NtlmClient client = new NtlmClient(new NtlmCredentials("User", "Domain", "Password".toCharArray()), SPEC_ENTROPY,
                "COMPUTER");
        client.negotiate();
        byte[] message = client.authenticate(NtlmChallenge.decode(CHALLENGE), false);
        // The example's Version field is Windows XP's (5.1.2600); ours names our own build.
        System.arraycopy(bytes("0501280A0000000F"), 0, message, 64, 8);
        assertThat(HEX.formatHex(message)).isEqualTo(AUTHENTICATE);
        assertThat(HEX.formatHex(client.exportedSessionKey())).isEqualTo("55555555555555555555555555555555");
    }

    @Test
    void shouldDeriveSigningAndSealingKeysAsSection4244() {
        byte[] key = bytes("55555555555555555555555555555555");
        assertThat(HEX.formatHex(NtlmCrypto.sealKey(key, true))).isEqualTo("59F600973CC4960A25480A7C196E4C58");
        assertThat(HEX.formatHex(NtlmCrypto.signKey(key, true))).isEqualTo("4788DC861B4782F35D43FD98FE1A2D39");
    }

    @Test
    void shouldDeriveRealWorldSessionKeysFromAnatomyBlog() {
        // §1b: ExportedSessionKey 270E1BA8... and the NTLM signing and sealing keys of both directions.
        byte[] exported = NtlmCrypto.rc4(bytes("B4CF22566926B1C069ACD80E4D73C814"), bytes("3B9BDFF38F5EE8F9663F11A0F4C03A78"));
        assertThat(HEX.formatHex(exported)).isEqualTo("270E1BA896585EEB7AF3472D3B4C75A7");
        assertThat(HEX.formatHex(NtlmCrypto.signKey(exported, true))).isEqualTo("D43F36C44BCE0630250A09EA0C2E8C2C");
        assertThat(HEX.formatHex(NtlmCrypto.signKey(exported, false))).isEqualTo("E1BD8B416B0B709D295E12F2CF18E6C5");
        assertThat(HEX.formatHex(NtlmCrypto.sealKey(exported, true))).isEqualTo("31E5557D99BE13F1B2665C7C7C52CE70");
        assertThat(HEX.formatHex(NtlmCrypto.sealKey(exported, false))).isEqualTo("B0F5A0B32C81FF34A878E1409B3B0EF2");
        assertThat(HEX.formatHex(NtlmCrypto.ntowfV2("Password01!".toCharArray(), "administrator", "SUT311")))
                .isEqualTo("AEE3959B44A815F1EB28C9511B4F533B");
    }

    @Test
    void shouldAddMicAndZeroLmResponseWhenServerSendsTimestamp() {
        byte[] withTimestamp = challengeWithTimestamp();
        NtlmClient client = new NtlmClient(new NtlmCredentials("User", "Domain", "Password".toCharArray()), SPEC_ENTROPY, "");
        byte[] negotiate = client.negotiate();
        byte[] message = client.authenticate(withTimestamp);
        byte[] mic = java.util.Arrays.copyOfRange(message, 72, 88);
        byte[] zeroed = message.clone();
        java.util.Arrays.fill(zeroed, 72, 88, (byte) 0);
        byte[] expected = NtlmCrypto.hmacMd5(client.exportedSessionKey(), negotiate, withTimestamp, zeroed);
        assertThat(mic).isEqualTo(expected);
        int lmOffset = NtlmChallenge.int32(message, 16);
        assertThat(java.util.Arrays.copyOfRange(message, lmOffset, lmOffset + 24)).isEqualTo(new byte[24]);
    }

    /** The spec's CHALLENGE with an MsvAvTimestamp pair added before MsvAvEOL. */
    private static byte[] challengeWithTimestamp() {
        String head = "4E544C4D53535000020000000C000C003800000033828AE20123456789ABCDEF"
                + "0000000000000000" + "3000300044000000" + "060070170000000F" + "530065007200760065007200";
        String info = "02000C0044006F006D00610069006E00" + "01000C00530065007200760065007200"
                + "07000800" + "0102030405060708" + "00000000";
        return bytes(head + info);
    }

    @Test
    void shouldRejectMalformedChallengesNamingFieldAndOffset() {
        assertThatThrownBy(() -> NtlmChallenge.decode(new byte[10])).isInstanceOf(NtlmFormatException.class)
                .hasMessageContaining("shorter");
        byte[] wrongType = CHALLENGE.clone();
        wrongType[8] = 3;
        assertThatThrownBy(() -> NtlmChallenge.decode(wrongType)).hasMessageContaining("MessageType=3 at byte 8");
        byte[] badOffset = CHALLENGE.clone();
        badOffset[44] = (byte) 0x50;
        assertThatThrownBy(() -> NtlmChallenge.decode(badOffset)).hasMessageContaining("TargetInfoFields at byte 40");
        for (int length = 0; length < CHALLENGE.length; length++) {
            byte[] cut = java.util.Arrays.copyOf(CHALLENGE, length);
            assertThatThrownBy(() -> NtlmChallenge.decode(cut)).as("prefix of %d bytes", length)
                    .isInstanceOf(NtlmFormatException.class);
        }
    }

    @Test
    void shouldSignLikeGssGetMicExample() {
        // §4.2.4.4: first message signature with KEY_EXCH, SeqNum 0. The published checksum is sealed by the
        // RC4 stream that first encrypted the data, so compare the unsealed part only: Version and SeqNum,
        // and that sealing changed the checksum.
        NtlmSignature signature = new NtlmSignature(bytes("55555555555555555555555555555555"), true, false);
        byte[] plain = bytes("50006C00610069006E007400650078007400");
        byte[] unsealed = signature.sign(plain);
        assertThat(HEX.formatHex(unsealed)).isEqualTo("01000000" + "70352851F2564309" + "00000000");
    }

    @Test
    void shouldNeverShowPasswordInCredentialsText() {
        NtlmCredentials credentials = new NtlmCredentials("alice", "LAB", "hunter2".toCharArray());
        assertThat(credentials.toString()).contains("alice").doesNotContain("hunter2");
        credentials.clear();
        assertThat(credentials.password()).containsOnly('\0');
    }
}
