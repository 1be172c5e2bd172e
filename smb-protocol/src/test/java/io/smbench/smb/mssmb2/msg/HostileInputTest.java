package io.smbench.smb.mssmb2.msg;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.smbench.smb.mssmb2.Smb2DecodeException;
import io.smbench.smb.ntlm.NtlmChallenge;
import io.smbench.smb.ntlm.NtlmFormatException;
import io.smbench.smb.spnego.NegTokenResp;
import io.smbench.smb.spnego.SpnegoFormatException;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A hostile or broken server must never make a decoder throw anything but its declared protocol
 * exception: seeded random corruptions (byte flips, length and offset fields set to extremes,
 * truncations) of real messages from a published Windows session.
 */
class HostileInputTest {
    private static final int ROUNDS = 20_000;

    private static void corrupt(byte[] original, Random random, Consumer<byte[]> decoder, Class<?> declared) {
        int decoded = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] bytes = original.clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(bytes.length);
                switch (random.nextInt(4)) {
                    case 0 -> bytes[at] = (byte) random.nextInt(256);
                    case 1 -> bytes[at] = (byte) 0xFF;
                    case 2 -> bytes[at] = 0;
                    default -> bytes = java.util.Arrays.copyOf(bytes, at);
                }
                if (bytes.length == 0) {
                    break;
                }
            }
            try {
                decoder.accept(bytes);
                decoded++;
            } catch (RuntimeException e) {
                assertThat(e).as("round %d", round).isInstanceOf(declared);
            }
        }
        assertThat(decoded).as("some corruptions still decode (fields the decoder does not check)").isPositive();
    }

    @Test
    void shouldOnlyThrowDecodeExceptionsForCorruptedSmb2Responses() {
        HexFormat hex = HexFormat.of();
        Random random = new Random(20261124);
        corrupt(hex.parseHex(GoldenMessagesTest.NEGOTIATE_RESPONSE), random,
                b -> NegotiateResponse.decode(Unpooled.wrappedBuffer(b)), Smb2DecodeException.class);
        corrupt(hex.parseHex(GoldenMessagesTest.SESSION_SETUP_RESPONSE_1), random,
                b -> SessionSetupResponse.decode(Unpooled.wrappedBuffer(b)), Smb2DecodeException.class);
        corrupt(hex.parseHex(GoldenMessagesTest.SESSION_SETUP_RESPONSE_FINAL), random,
                b -> SessionSetupResponse.decode(Unpooled.wrappedBuffer(b)), Smb2DecodeException.class);
    }

    @Test
    void shouldOnlyThrowFormatExceptionsForCorruptedSecurityTokens() {
        HexFormat hex = HexFormat.of();
        Random random = new Random(7);
        byte[] response = hex.parseHex(GoldenMessagesTest.SESSION_SETUP_RESPONSE_1);
        byte[] negTokenResp = java.util.Arrays.copyOfRange(response, 72, response.length);
        corrupt(negTokenResp, random, NegTokenResp::decode, SpnegoFormatException.class);
        byte[] challenge = NegTokenResp.decode(negTokenResp).responseToken();
        corrupt(challenge, random, NtlmChallenge::decode, NtlmFormatException.class);
    }
}
