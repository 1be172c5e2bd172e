package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;
import io.smbench.smb.client.BodyWriter;
import io.smbench.smb.mssmb2.Dialect;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * SMB2 NEGOTIATE Request (MS-SMB2 2.2.3): StructureSize 36 (2), DialectCount (2), SecurityMode (2),
 * Reserved (2), Capabilities (4), ClientGuid (16), NegotiateContextOffset (4), NegotiateContextCount
 * (2), Reserved2 (2), Dialects (2 each), then, when 3.1.1 is offered, padding to 8 and the negotiate
 * context list (2.2.3.1), each context 8-byte aligned.
 *
 * @param ciphers cipher ids for SMB2_ENCRYPTION_CAPABILITIES (2.2.3.1.2), in preference order
 * @param signingAlgorithms ids for SMB2_SIGNING_CAPABILITIES (2.2.3.1.7), in preference order
 * @param salt the 32-byte salt of SMB2_PREAUTH_INTEGRITY_CAPABILITIES (2.2.3.1.1)
 * @param netName server name for SMB2_NETNAME_NEGOTIATE_CONTEXT_ID (2.2.3.1.4), or null
 */
public record NegotiateRequest(List<Dialect> dialects, int securityMode, int capabilities, byte[] clientGuid,
        List<Integer> ciphers, List<Integer> signingAlgorithms, byte[] salt, String netName) implements BodyWriter {

    public static final int CONTEXT_PREAUTH_INTEGRITY = 0x0001;
    public static final int CONTEXT_ENCRYPTION = 0x0002;
    public static final int CONTEXT_COMPRESSION = 0x0003;
    public static final int CONTEXT_NETNAME = 0x0005;
    public static final int CONTEXT_SIGNING = 0x0008;

    @Override
    public void write(ByteBuf out, int headerStart) {
        boolean contexts = dialects.contains(Dialect.SMB_3_1_1);
        int bodyStart = out.writerIndex();
        out.writeShortLE(36);
        out.writeShortLE(dialects.size());
        out.writeShortLE(securityMode);
        out.writeShortLE(0);
        out.writeIntLE(capabilities);
        out.writeBytes(clientGuid, 0, 16);
        int contextOffsetAt = out.writerIndex();
        out.writeIntLE(0);
        out.writeShortLE(0);
        out.writeShortLE(0);
        for (Dialect dialect : dialects) {
            out.writeShortLE(dialect.code());
        }
        if (!contexts) {
            return;
        }
        int count = 0;
        align8(out, headerStart);
        out.setIntLE(contextOffsetAt, out.writerIndex() - headerStart);
        context(out, headerStart, CONTEXT_PREAUTH_INTEGRITY, body -> {
            body.writeShortLE(1);
            body.writeShortLE(salt.length);
            body.writeShortLE(0x0001); // SHA-512
            body.writeBytes(salt);
        });
        count++;
        if (!ciphers.isEmpty()) {
            context(out, headerStart, CONTEXT_ENCRYPTION, body -> {
                body.writeShortLE(ciphers.size());
                ciphers.forEach(body::writeShortLE);
            });
            count++;
        }
        if (!signingAlgorithms.isEmpty()) {
            context(out, headerStart, CONTEXT_SIGNING, body -> {
                body.writeShortLE(signingAlgorithms.size());
                signingAlgorithms.forEach(body::writeShortLE);
            });
            count++;
        }
        if (netName != null && !netName.isEmpty()) {
            context(out, headerStart, CONTEXT_NETNAME, body -> body.writeBytes(netName.getBytes(StandardCharsets.UTF_16LE)));
            count++;
        }
        out.setShortLE(contextOffsetAt + 4, count);
        assert out.writerIndex() > bodyStart;
    }

    private static void context(ByteBuf out, int headerStart, int type, java.util.function.Consumer<ByteBuf> data) {
        align8(out, headerStart);
        out.writeShortLE(type);
        int lengthAt = out.writerIndex();
        out.writeShortLE(0);
        out.writeIntLE(0);
        int dataStart = out.writerIndex();
        data.accept(out);
        out.setShortLE(lengthAt, out.writerIndex() - dataStart);
    }

    private static void align8(ByteBuf out, int headerStart) {
        int pad = (8 - (out.writerIndex() - headerStart) % 8) % 8;
        out.writeZero(pad);
    }
}
