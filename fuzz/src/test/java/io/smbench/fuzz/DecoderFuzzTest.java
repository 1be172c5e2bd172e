package io.smbench.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.smbench.smb.crypto.CipherSuite;
import io.smbench.smb.crypto.SmbCryptoException;
import io.smbench.smb.crypto.TransformCipher;
import io.smbench.smb.mssmb2.Smb2DecodeException;
import io.smbench.smb.mssmb2.msg.CreateResponse;
import io.smbench.smb.mssmb2.msg.IoctlResponse;
import io.smbench.smb.mssmb2.msg.NegotiateResponse;
import io.smbench.smb.mssmb2.msg.OutputBufferResponse;
import io.smbench.smb.mssmb2.msg.ReadResponse;
import io.smbench.smb.mssmb2.msg.SessionSetupResponse;
import io.smbench.smb.mssmb2.msg.TreeConnectResponse;
import io.smbench.smb.ntlm.NtlmChallenge;
import io.smbench.smb.ntlm.NtlmFormatException;
import io.smbench.smb.spnego.NegTokenResp;
import io.smbench.smb.spnego.SpnegoFormatException;

/**
 * Every decoder of bytes a server sends. The only exceptions allowed to escape are each decoder's
 * declared protocol exceptions; Jazzer reports anything else (an IndexOutOfBounds, a
 * NegativeArraySize, an OutOfMemoryError from a trusted length) as a finding.
 */
class DecoderFuzzTest {
    private static final byte[] KEY = new byte[16];

    @FuzzTest
    void smb2Responses(byte[] data) {
        for (java.util.function.Consumer<io.netty.buffer.ByteBuf> decoder : java.util.List.<java.util.function.Consumer<
                io.netty.buffer.ByteBuf>>of(NegotiateResponse::decode, SessionSetupResponse::decode,
                TreeConnectResponse::decode, CreateResponse::decode, ReadResponse::decode, IoctlResponse::decode,
                io.smbench.smb.mssmb2.msg.CloseResponse::decode, io.smbench.smb.mssmb2.msg.WriteResponse::decode,
                io.smbench.smb.mssmb2.msg.ErrorResponse::decode, io.smbench.smb.mssmb2.msg.OplockBreak::decode,
                io.smbench.smb.mssmb2.msg.LeaseBreak::decode,
                m -> OutputBufferResponse.decode(m, "QUERY_INFO response").directoryEntryCount())) {
            try {
                decoder.accept(Unpooled.wrappedBuffer(data));
            } catch (Smb2DecodeException expected) {
                // declared
            }
        }
    }

    @FuzzTest
    void transformHeader(byte[] data) {
        for (CipherSuite suite : new CipherSuite[] {CipherSuite.AES_128_GCM, CipherSuite.AES_128_CCM}) {
            try {
                new TransformCipher(suite, KEY, KEY).decrypt(ByteBufAllocator.DEFAULT, Unpooled.wrappedBuffer(data))
                        .release();
            } catch (SmbCryptoException expected) {
                // declared: bad size, flags or tag
            }
        }
    }

    /** The FSCTL output buffers (MS-SMB2 2.2.32.1, 2.2.32.3, 2.2.32.5) a server returns in IOCTL responses. */
    @FuzzTest
    void fsctlOutputs(byte[] data) {
        for (java.util.function.Consumer<byte[]> decoder : java.util.List.<java.util.function.Consumer<byte[]>>of(
                io.smbench.smb.mssmb2.fsctl.NetworkInterfaceInfo::decodeAll,
                io.smbench.smb.mssmb2.fsctl.ResumeKey::decode,
                d -> io.smbench.smb.mssmb2.fsctl.CopyChunk.Result.decode(d, false))) {
            try {
                decoder.accept(data);
            } catch (Smb2DecodeException expected) {
                // declared
            }
        }
        try {
            io.smbench.smb.mssmb2.msg.LeaseContext.decode(data); // a CREATE response's RqLs context data
        } catch (Smb2DecodeException expected) {
            // declared
        }
    }

    @FuzzTest
    void ntlmChallenge(byte[] data) {
        try {
            NtlmChallenge.decode(data);
        } catch (NtlmFormatException expected) {
            // declared
        }
    }

    @FuzzTest
    void spnego(byte[] data) {
        try {
            NegTokenResp.decode(data);
        } catch (SpnegoFormatException expected) {
            // declared
        }
    }
}
