package io.smbench.smb.crypto;

import static io.smbench.smb.crypto.Hex.bytes;
import static io.smbench.smb.crypto.Hex.of;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Key derivation against shared/vectors/VECTORS.md §2 (Microsoft blogs and SMBJ known answers). */
class SessionKeysTest {
    @Test
    void shouldDeriveSmb30KeysFromEncryptionBlogSession() {
        // VECTORS.md §2.2: "Encryption in SMB 3.0: A protocol perspective", SessionId 0x0008E40014000011.
        SessionKeys keys = SessionKeys.derive(0x0300, bytes("B4546771B515F766A86735532DD6C4F0"), null, 128);
        assertThat(of(keys.signingKey())).isEqualTo("F773CD23C18FD1E08EE510CADA7CF852");
        assertThat(of(keys.encryptionKey())).isEqualTo("261B72350558F2E9DCF613070383EDBF");
        assertThat(of(keys.decryptionKey())).isEqualTo("8FE2B57EC34D2DB5B1A9727F526BBDB5");
        assertThat(of(keys.applicationKey())).isEqualTo("77432F808CE99156B5BC6A3676D730D1");
    }

    @Test
    void shouldDeriveSmb311KeysFromPreauthHash() {
        // VECTORS.md §2.3 row "3.1.1-encryption blog A.1 (AES-128-GCM, SessionId 0x0000100000000025)".
        byte[] preauth = bytes("B23F3CBFD69487D9832B79B1594A367CDD950909B774C3A4C412B4FCEA9EDDDB"
                + "A7DB256BA2EA30E977F11F9B113247578E0E915C6D2A513B8F2FCA5707DC8770");
        SessionKeys keys = SessionKeys.derive(0x0311, bytes("419FDDF34C1E001909D362AE7FB6AF79"), preauth, 128);
        assertThat(of(keys.signingKey())).isEqualTo("8765949DFEAEE105CE9118B45BE988F0");
        assertThat(of(keys.encryptionKey())).isEqualTo("A2F5E80E5D59103034F32E52F698E5EC");
        assertThat(of(keys.decryptionKey())).isEqualTo("748C50868C90F302962A5C35F5F9A8BF");
        assertThat(of(keys.applicationKey())).isEqualTo("099D610789FBE82055B313601C3E8CC4");

        // §2.5, derived (not published): L = 256 cipher keys from the same inputs.
        SessionKeys aes256 = SessionKeys.derive(0x0311, bytes("419FDDF34C1E001909D362AE7FB6AF79"), preauth, 256);
        assertThat(of(aes256.encryptionKey()))
                .isEqualTo("CB61EB110446FBCAEB6A83BEEDB92779130B833A706E5B3495879D52195B90ED");
        assertThat(of(aes256.decryptionKey()))
                .isEqualTo("F8CAE3069FFCDC7662E2941207AF463614D520A1A204AAF6B9EAD136DE931111");
    }

    @Test
    void shouldMatchSmbjKdfKnownAnswer() {
        // VECTORS.md §2.4, SMBJ KDFCounterHMacSHA256Spec, first row (SMBSigningKey).
        byte[] context = bytes("43F965A710069C1CEC7D79469C0FDE7143FB350599997C65D2B5D65B40DED490"
                + "C0E13BA9F5822D2619BFEB08873909926F4BBE455321DC4C151A46B47718421F");
        byte[] key = Sp800108Kdf.derive(bytes("05748462F987037190DEF58A165E3678"), SessionKeys.label("SMBSigningKey"),
                context, 128);
        assertThat(of(key)).isEqualTo("E4F496372BB7FBA2BFCAE08AA07C9C16");
    }

    @Test
    void shouldSignWithSessionKeyItselfOnSmb2() {
        byte[] sessionKey = bytes("75C5CB91419E3A45CE9EF869DFD3E2A8");
        SessionKeys keys = SessionKeys.derive(0x0210, sessionKey, null, 128);
        assertThat(keys.signingKey()).isEqualTo(sessionKey);
        assertThat(keys.encryptionKey()).isNull();
        assertThat(keys.toString()).doesNotContain("75C5");
    }
}
