package io.smbench.smb.mssmb2.msg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.smbench.smb.crypto.AesCmacSigner;
import io.smbench.smb.mssmb2.Dialect;
import io.smbench.smb.mssmb2.Smb2DecodeException;
import io.smbench.smb.ntlm.NtlmSignature;
import io.smbench.smb.spnego.NegTokenResp;
import io.smbench.smb.spnego.SpnegoTokens;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Message codecs against a real Windows 10 / Windows Server SMB 3.1.1 session published in "SMB 3.1.1
 * Encryption in Windows 10", appendix A.1 (shared/vectors/VECTORS.md §3.3), and a TREE_CONNECT from
 * the Wireshark wiki capture smb3-aes-128-ccm.pcap, frame 7 (VECTORS.md §4.2).
 */
class GoldenMessagesTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    /** §3.3 message 1, NEGOTIATE request, 174 bytes. */
    static final String NEGOTIATE_REQUEST = "FE534D4240000100000000000000010000000000000000000000000000000000"
            + "FFFE000000000000000000000000000000000000000000000000000000000000"
            + "2400050001000000660000004F0D7FA009F5B246B2EF62551D7D7C0970000000"
            + "020000000202100200030203110300000100260000000000010020000100D170"
            + "9D7196E1BD0B6EBF95213D76553435763514392649FD6F216ED8BF269CD80000"
            + "0200060000000000020002000100";

    /** §3.3 message 2, NEGOTIATE response, 508 bytes. */
    static final String NEGOTIATE_RESPONSE = "FE534D4240000100000000000000010001000000000000000000000000000000"
            + "FFFE000000000000000000000000000000000000000000000000000000000000"
            + "410001001103020039CBCAF329714942BDCE5D60F09AB3FB2700000000008000"
            + "0000800000008000D1168E69CDAED00109094AB095AED00180004001C0010000"
            + "6082013C06062B0601050502A08201303082012CA01A3018060A2B0601040182"
            + "3702021E060A2B06010401823702020AA282010C048201084E45474F45585453"
            + "01000000000000006000000070000000807CC0FD06D6362D02DDE1CF343BFE29"
            + "C16AA4EA4741FB0EF645DC5C5D3C3E6A8DE5D0BAEF7A06DC070076174356EDA0"
            + "0000000000000000600000000100000000000000000000005C33530DEAF90D4D"
            + "B2EC4AE3786EC3084E45474F4558545303000000010000004000000098000000"
            + "807CC0FD06D6362D02DDE1CF343BFE295C33530DEAF90D4DB2EC4AE3786EC308"
            + "40000000580000003056A05430523027802530233121301F0603550403131854"
            + "6F6B656E205369676E696E67205075626C6963204B6579302780253023312130"
            + "1F06035504031318546F6B656E205369676E696E67205075626C6963204B6579"
            + "0100260000000000010020000100B51C002C28941192737A08344B05CE90786E"
            + "EC146D99CDB60AE44E5A86127D270000020004000000000001000200";

    /** §3.3 message 4, SESSION_SETUP response with STATUS_MORE_PROCESSING_REQUIRED, 251 bytes. */
    static final String SESSION_SETUP_RESPONSE_1 = "FE534D4240000100160000C00100010001000000000000000100000000000000"
            + "FFFE000000000000250000000010000000000000000000000000000000000000"
            + "090000004800B300A181B03081ADA0030A0101A10C060A2B0601040182370202"
            + "0AA281970481944E544C4D53535000020000000C000C003800000015828AE25F"
            + "C0CB7F886E93D6000000000000000050005000440000000A0092270000000F53"
            + "005500540033003100310002000C0053005500540033003100310001000C0053"
            + "005500540033003100310004000C0053005500540033003100310003000C0053"
            + "005500540033003100310007000800248D5C6CCDAED00100000000";

    /** §3.3 final SESSION_SETUP response (signed with AES-CMAC, SigningKey 8765949D...). */
    static final String SESSION_SETUP_RESPONSE_FINAL = "FE534D4240000100000000000100800009000000000000000200000000000000"
            + "FFFE00000000000025000000001000006B85A4519A0F3EEA35BA946DD3AFE6B8"
            + "0900000048001D00A11B3019A0030A0100A3120410010000003932A87523AB66"
            + "0100000000";

    private static ByteBuf buf(String hex) {
        return Unpooled.wrappedBuffer(HEX.parseHex(hex));
    }

    private static byte[] bytes(String hex) {
        return HEX.parseHex(hex);
    }

    @Test
    void shouldEncodeNegotiateRequestBodyAsWindowsDid() {
        NegotiateRequest request = new NegotiateRequest(List.of(Dialect.values()), 0x0001, 0x66,
                bytes("4F0D7FA009F5B246B2EF62551D7D7C09"), List.of(0x0002, 0x0001), List.of(),
                bytes("D1709D7196E1BD0B6EBF95213D76553435763514392649FD6F216ED8BF269CD8"), null);
        ByteBuf out = Unpooled.buffer();
        out.writeZero(64); // the header, written by the connection
        request.write(out, 0);
        assertThat(HEX.formatHex(out.array(), 64, out.writerIndex())).isEqualTo(NEGOTIATE_REQUEST.substring(128));
    }

    @Test
    void shouldDecodeNegotiateResponseWithContexts() {
        NegotiateResponse response = NegotiateResponse.decode(buf(NEGOTIATE_RESPONSE));
        assertThat(response.dialectRevision()).isEqualTo(0x0311);
        assertThat(response.securityMode()).isEqualTo(1);
        assertThat(HEX.formatHex(response.serverGuid())).isEqualTo("39CBCAF329714942BDCE5D60F09AB3FB");
        assertThat(response.capabilities()).isEqualTo(0x27);
        assertThat(response.maxReadSize()).isEqualTo(0x800000);
        assertThat(response.securityBuffer()).hasSize(0x140).startsWith((byte) 0x60);
        assertThat(response.contexts()).extracting(NegotiateResponse.Context::type).containsExactly(0x0001, 0x0002);
        assertThat(HEX.formatHex(response.context(NegotiateRequest.CONTEXT_ENCRYPTION))).isEqualTo("01000200");
    }

    @Test
    void shouldDecodeSessionSetupResponsesAndCheckTheirMics() {
        SessionSetupResponse first = SessionSetupResponse.decode(buf(SESSION_SETUP_RESPONSE_1));
        assertThat(first.sessionFlags()).isZero();
        assertThat(NegTokenResp.decode(first.securityBuffer()).responseToken()).startsWith(bytes("4E544C4D"));

        ByteBuf finalMessage = buf(SESSION_SETUP_RESPONSE_FINAL);
        SessionSetupResponse last = SessionSetupResponse.decode(finalMessage);
        NegTokenResp token = NegTokenResp.decode(last.securityBuffer());
        assertThat(token.negState()).isEqualTo(NegTokenResp.ACCEPT_COMPLETED);
        // The server's mechListMIC: NTLM signature of the MechTypeList with the server-to-client keys, SeqNum 0,
        // from ExportedSessionKey 419FDDF3... (VECTORS.md §2.3) with key exchange.
        NtlmSignature server = new NtlmSignature(bytes("419FDDF34C1E001909D362AE7FB6AF79"), false, true);
        assertThat(server.sign(SpnegoTokens.MECH_TYPE_LIST)).isEqualTo(token.mechListMic());
        // The client's mechListMIC of SESSION_SETUP request #2 (§3.3 message 5) with the client-to-server keys.
        NtlmSignature client = new NtlmSignature(bytes("419FDDF34C1E001909D362AE7FB6AF79"), true, true);
        assertThat(HEX.formatHex(client.sign(SpnegoTokens.MECH_TYPE_LIST))).isEqualTo("0100000067890BD408F5680D00000000");
        // And the response's own AES-CMAC signature with the derived SigningKey.
        assertThat(new AesCmacSigner(bytes("8765949DFEAEE105CE9118B45BE988F0")).verify(finalMessage)).isTrue();
    }

    @Test
    void shouldEncodeTreeConnectRequestBodyAsCaptured() {
        // smb3-aes-128-ccm.pcap frame 7 (110 bytes): header, the 8-byte fixed body, the 36-byte path,
        // then 2 bytes the sender padded with.
        String frame7 = "FE534D4240000100000000000300020008000000000000000300000000000000"
                + "D5000000000000003D0000940048000071AD17FD1D838197048999EB7B906CE3"
                + "09000000480024005C005C005700530032003000310036005C0065006E006300"
                + "7200790070007400650064000000";
        ByteBuf out = Unpooled.buffer();
        out.writeZero(64);
        new TreeConnectRequest("\\\\WS2016\\encrypted").write(out, 0);
        assertThat(HEX.formatHex(out.array(), 64, out.writerIndex())).isEqualTo(frame7.substring(128, 216));
    }

    @Test
    void shouldFailEveryTruncatedMessageWithDecodeException() {
        assertEveryPrefixFails(NEGOTIATE_RESPONSE, NegotiateResponse::decode);
        assertEveryPrefixFails(SESSION_SETUP_RESPONSE_1, SessionSetupResponse::decode);
        assertEveryPrefixFails(SESSION_SETUP_RESPONSE_FINAL, SessionSetupResponse::decode);
        assertEveryPrefixFails("FE534D4240000100000000000300010001000000000000000300000000000000"
                + "FFFE0000010000002500000000100000000000000000000000000000000000001000010000080000"
                + "00000000FF011F00", TreeConnectResponse::decode);
    }

    private static void assertEveryPrefixFails(String hex, Consumer<ByteBuf> decoder) {
        byte[] whole = HEX.parseHex(hex);
        decoder.accept(Unpooled.wrappedBuffer(whole)); // the whole message decodes
        for (int length = 0; length < whole.length; length++) {
            ByteBuf prefix = Unpooled.wrappedBuffer(whole, 0, length);
            int cut = length;
            assertThatThrownBy(() -> decoder.accept(prefix)).as("prefix of %d bytes", cut)
                    .isInstanceOf(Smb2DecodeException.class);
        }
    }

    @Test
    void shouldNameFieldAndOffsetOfBadSecurityBufferOffset() {
        ByteBuf message = buf(SESSION_SETUP_RESPONSE_1);
        message.setShortLE(68, 0x1F0);
        assertThatThrownBy(() -> SessionSetupResponse.decode(message))
                .isInstanceOf(Smb2DecodeException.class)
                .hasMessageContaining("SESSION_SETUP response")
                .hasMessageContaining("SecurityBufferOffset=0x1F0")
                .hasMessageContaining("at byte 68");
    }

    @Test
    void shouldRejectWrongStructureSize() {
        ByteBuf message = buf(SESSION_SETUP_RESPONSE_1);
        message.setShortLE(64, 8);
        assertThatThrownBy(() -> SessionSetupResponse.decode(message)).hasMessageContaining("StructureSize=8 at byte 64");
    }
}
