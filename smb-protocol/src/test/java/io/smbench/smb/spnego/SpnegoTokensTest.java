package io.smbench.smb.spnego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** SPNEGO tokens against the 3.1.1 encryption blog's session (shared/vectors/VECTORS.md §3.3, messages 3 and 4). */
class SpnegoTokensTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @Test
    void shouldEncodeNegTokenInitExactlyAsWindowsDid() {
        // Security buffer of SESSION_SETUP request #1 (72 bytes).
        String expected = "604806062B0601050502A03E303CA00E300C060A2B06010401823702020AA22A04284E544C4D5353"
                + "500001000000978208E200000000000000000000000000000000060380250000000F";
        byte[] ntlmNegotiate = HEX.parseHex(expected.substring(expected.indexOf("4E544C4D")));
        assertThat(HEX.formatHex(SpnegoTokens.negTokenInit(ntlmNegotiate))).isEqualTo(expected);
    }

    @Test
    void shouldDecodeServerChallengeToken() {
        // Security buffer of SESSION_SETUP response #1: NegTokenResp, accept-incomplete, NTLMSSP, CHALLENGE.
        byte[] token = HEX.parseHex("A181B03081ADA0030A0101A10C060A2B06010401823702020AA281970481944E544C4D53535000"
                + "020000000C000C003800000015828AE25FC0CB7F886E93D6000000000000000050005000440000000A00"
                + "92270000000F53005500540033003100310002000C0053005500540033003100310001000C0053005500"
                + "540033003100310004000C0053005500540033003100310003000C00530055005400330031003100070008"
                + "00248D5C6CCDAED00100000000");
        NegTokenResp response = NegTokenResp.decode(token);
        assertThat(response.negState()).isEqualTo(NegTokenResp.ACCEPT_INCOMPLETE);
        assertThat(response.supportedMech()).isEqualTo(Arrays.copyOfRange(SpnegoTokens.NTLMSSP_OID, 2, 12));
        assertThat(response.responseToken()).hasSize(0x94);
        assertThat(HEX.formatHex(response.responseToken())).startsWith("4E544C4D5353500002000000");
        assertThat(response.mechListMic()).isNull();

        for (int length = 0; length < token.length; length++) {
            byte[] cut = Arrays.copyOf(token, length);
            assertThatThrownBy(() -> NegTokenResp.decode(cut)).as("prefix of %d bytes", length)
                    .isInstanceOf(SpnegoFormatException.class);
        }
    }

    @Test
    void shouldRoundTripNegTokenRespWithMechListMic() {
        byte[] authenticate = new byte[300];
        authenticate[0] = 'N';
        byte[] mic = HEX.parseHex("0100000011223344556677880000000000");
        byte[] token = SpnegoTokens.negTokenResp(authenticate, Arrays.copyOf(mic, 16));
        NegTokenResp decoded = NegTokenResp.decode(token);
        assertThat(decoded.responseToken()).isEqualTo(authenticate);
        assertThat(decoded.mechListMic()).isEqualTo(Arrays.copyOf(mic, 16));
        assertThat(decoded.negState()).isEqualTo(-1);
    }

    @Test
    void shouldNameUnexpectedTag() {
        assertThatThrownBy(() -> NegTokenResp.decode(HEX.parseHex("A0023000"))).hasMessageContaining("tag 0xA0 at byte 0");
    }
}
