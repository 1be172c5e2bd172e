package io.smbench.fuzz.live;

import io.netty.buffer.ByteBuf;
import io.smbench.fuzz.live.Field.Kind;
import io.smbench.smb.mssmb2.Smb2Command;
import io.smbench.smb.mssmb2.Smb2Header;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the fields of an encoded, still valid request chain: the SMB2 header of each message
 * (MS-SMB2 2.2.1.2), the fixed part of each request body this fuzzer sends (offsets from the body
 * start, as in the sections cited below), and the create context chain of a CREATE (2.2.13.2).
 *
 * <p>Names are {@code <message index>.<command>.<field>}, header fields under {@code Header.}, e.g.
 * {@code 0.CREATE.Header.NextCommand} and {@code 0.CREATE.CreateContext[1].DataOffset}.
 *
 * <p>It reads only lengths and offsets the codecs wrote, never values the server assigned, so the
 * same seed yields the same fields on every run.
 */
public final class RequestFields {
    private RequestFields() {}

    /** Every field of every message of {@code chain}, in order. */
    public static List<Field> of(ByteBuf chain, int[] messageStarts) {
        List<Field> fields = new ArrayList<>();
        int base = chain.readerIndex();
        for (int i = 0; i < messageStarts.length; i++) {
            int start = messageStarts[i];
            int end = i + 1 < messageStarts.length ? messageStarts[i + 1] : chain.readableBytes();
            int command = chain.getUnsignedShortLE(base + start + Smb2Header.COMMAND);
            Builder b = new Builder(fields, i + "." + Smb2Command.name(command) + ".", start, end);
            header(b);
            b.at(Smb2Header.LENGTH);
            body(b, command, chain, base + start, end - start);
        }
        return fields;
    }

    private static void header(Builder b) {
        b.field("Header.StructureSize", 4, 2, Kind.LENGTH);
        b.field("Header.CreditCharge", Smb2Header.CREDIT_CHARGE, 2, Kind.VALUE);
        b.field("Header.ChannelSequence", Smb2Header.STATUS, 2, Kind.VALUE);
        b.field("Header.Command", Smb2Header.COMMAND, 2, Kind.VALUE);
        b.field("Header.CreditRequest", Smb2Header.CREDITS, 2, Kind.VALUE);
        b.field("Header.Flags", Smb2Header.FLAGS, 4, Kind.VALUE);
        b.field("Header.NextCommand", Smb2Header.NEXT_COMMAND, 4, Kind.OFFSET);
        b.field("Header.MessageId", Smb2Header.MESSAGE_ID, 8, Kind.FRAMING);
        b.field("Header.TreeId", Smb2Header.TREE_ID, 4, Kind.IDENTITY);
        b.field("Header.SessionId", Smb2Header.SESSION_ID, 8, Kind.IDENTITY);
        b.field("Header.Signature.0", Smb2Header.SIGNATURE, 8, Kind.FRAMING);
        b.field("Header.Signature.8", Smb2Header.SIGNATURE + 8, 8, Kind.FRAMING);
    }

    private static void body(Builder b, int command, ByteBuf chain, int headerAt, int length) {
        b.field("StructureSize", 0, 2, Kind.LENGTH);
        switch (command) {
            case Smb2Command.CREATE -> create(b, chain, headerAt, length);
            case Smb2Command.CLOSE, Smb2Command.FLUSH -> { // 2.2.15, 2.2.17
                b.field("Flags", 2, 2, Kind.VALUE);
                fileId(b, 8);
            }
            case Smb2Command.READ -> { // 2.2.19
                b.field("Padding", 2, 1, Kind.OFFSET);
                b.field("Flags", 3, 1, Kind.VALUE);
                b.field("Length", 4, 4, Kind.LENGTH);
                b.field("Offset", 8, 8, Kind.VALUE);
                fileId(b, 16);
                b.field("MinimumCount", 32, 4, Kind.LENGTH);
                b.field("Channel", 36, 4, Kind.VALUE);
                b.field("RemainingBytes", 40, 4, Kind.LENGTH);
                b.field("ReadChannelInfoOffset", 44, 2, Kind.OFFSET);
                b.field("ReadChannelInfoLength", 46, 2, Kind.LENGTH);
            }
            case Smb2Command.WRITE -> { // 2.2.21
                b.field("DataOffset", 2, 2, Kind.OFFSET);
                b.field("Length", 4, 4, Kind.LENGTH);
                b.field("Offset", 8, 8, Kind.VALUE);
                fileId(b, 16);
                b.field("Channel", 32, 4, Kind.VALUE);
                b.field("RemainingBytes", 36, 4, Kind.LENGTH);
                b.field("WriteChannelInfoOffset", 40, 2, Kind.OFFSET);
                b.field("WriteChannelInfoLength", 42, 2, Kind.LENGTH);
                b.field("Flags", 44, 4, Kind.VALUE);
            }
            case Smb2Command.LOCK -> lock(b, chain, headerAt, length);
            case Smb2Command.IOCTL -> { // 2.2.31
                b.field("CtlCode", 4, 4, Kind.VALUE);
                fileId(b, 8);
                b.field("InputOffset", 24, 4, Kind.OFFSET);
                b.field("InputCount", 28, 4, Kind.LENGTH);
                b.field("MaxInputResponse", 32, 4, Kind.LENGTH);
                b.field("OutputOffset", 36, 4, Kind.OFFSET);
                b.field("OutputCount", 40, 4, Kind.LENGTH);
                b.field("MaxOutputResponse", 44, 4, Kind.LENGTH);
                b.field("Flags", 48, 4, Kind.VALUE);
                if (length >= Smb2Header.LENGTH + 56 + 24) { // VALIDATE_NEGOTIATE_INFO input, 2.2.31.4
                    b.field("Input.Capabilities", 56, 4, Kind.VALUE);
                    b.field("Input.SecurityMode", 76, 2, Kind.VALUE);
                    b.field("Input.DialectCount", 78, 2, Kind.LENGTH);
                }
            }
            case Smb2Command.QUERY_DIRECTORY -> { // 2.2.33
                b.field("FileInformationClass", 2, 1, Kind.VALUE);
                b.field("Flags", 3, 1, Kind.VALUE);
                b.field("FileIndex", 4, 4, Kind.VALUE);
                fileId(b, 8);
                b.field("FileNameOffset", 24, 2, Kind.OFFSET);
                b.field("FileNameLength", 26, 2, Kind.LENGTH);
                b.field("OutputBufferLength", 28, 4, Kind.LENGTH);
            }
            case Smb2Command.QUERY_INFO -> { // 2.2.37
                b.field("InfoType", 2, 1, Kind.VALUE);
                b.field("FileInfoClass", 3, 1, Kind.VALUE);
                b.field("OutputBufferLength", 4, 4, Kind.LENGTH);
                b.field("InputBufferOffset", 8, 2, Kind.OFFSET);
                b.field("InputBufferLength", 12, 4, Kind.LENGTH);
                b.field("AdditionalInformation", 16, 4, Kind.VALUE);
                b.field("Flags", 20, 4, Kind.VALUE);
                fileId(b, 24);
            }
            case Smb2Command.SET_INFO -> { // 2.2.39
                b.field("InfoType", 2, 1, Kind.VALUE);
                b.field("FileInfoClass", 3, 1, Kind.VALUE);
                b.field("BufferLength", 4, 4, Kind.LENGTH);
                b.field("BufferOffset", 8, 2, Kind.OFFSET);
                b.field("AdditionalInformation", 12, 4, Kind.VALUE);
                fileId(b, 16);
            }
            default -> { } // ECHO and the rest: StructureSize only
        }
    }

    /** 2.2.13: the fixed part, then each context of the chain the codec wrote (2.2.13.2). */
    private static void create(Builder b, ByteBuf chain, int headerAt, int length) {
        b.field("SecurityFlags", 2, 1, Kind.VALUE);
        b.field("RequestedOplockLevel", 3, 1, Kind.VALUE);
        b.field("ImpersonationLevel", 4, 4, Kind.VALUE);
        b.field("DesiredAccess", 24, 4, Kind.VALUE);
        b.field("FileAttributes", 28, 4, Kind.VALUE);
        b.field("ShareAccess", 32, 4, Kind.VALUE);
        b.field("CreateDisposition", 36, 4, Kind.VALUE);
        b.field("CreateOptions", 40, 4, Kind.VALUE);
        b.field("NameOffset", 44, 2, Kind.OFFSET);
        b.field("NameLength", 46, 2, Kind.LENGTH);
        b.field("CreateContextsOffset", 48, 4, Kind.OFFSET);
        b.field("CreateContextsLength", 52, 4, Kind.LENGTH);
        long contextsOffset = chain.getUnsignedIntLE(headerAt + Smb2Header.LENGTH + 48);
        long contextsLength = chain.getUnsignedIntLE(headerAt + Smb2Header.LENGTH + 52);
        if (contextsLength == 0 || contextsOffset + contextsLength > length) {
            return;
        }
        int at = (int) contextsOffset;
        for (int index = 0; at + 16 <= contextsOffset + contextsLength; index++) {
            Builder context = b.context("CreateContext[" + index + "].", at);
            context.field("Next", 0, 4, Kind.OFFSET);
            context.field("NameOffset", 4, 2, Kind.OFFSET);
            context.field("NameLength", 6, 2, Kind.LENGTH);
            context.field("DataOffset", 10, 2, Kind.OFFSET);
            context.field("DataLength", 12, 4, Kind.LENGTH);
            long next = chain.getUnsignedIntLE(headerAt + at);
            if (next == 0) {
                return;
            }
            at += (int) next;
        }
    }

    /** 2.2.26: LockCount, then each SMB2_LOCK_ELEMENT (2.2.26.1). */
    private static void lock(Builder b, ByteBuf chain, int headerAt, int length) {
        b.field("LockCount", 2, 2, Kind.LENGTH);
        b.field("LockSequence", 4, 4, Kind.VALUE);
        fileId(b, 8);
        int count = chain.getUnsignedShortLE(headerAt + Smb2Header.LENGTH + 2);
        for (int i = 0; i < count && Smb2Header.LENGTH + 24 + 24 * (i + 1) <= length; i++) {
            int at = 24 + 24 * i;
            b.field("Locks[" + i + "].Offset", at, 8, Kind.VALUE);
            b.field("Locks[" + i + "].Length", at + 8, 8, Kind.LENGTH);
            b.field("Locks[" + i + "].Flags", at + 16, 4, Kind.VALUE);
        }
    }

    /** SMB2_FILEID (2.2.14.1): Persistent and Volatile, each assigned by the server. */
    private static void fileId(Builder b, int at) {
        b.field("FileId.Persistent", at, 8, Kind.IDENTITY);
        b.field("FileId.Volatile", at + 8, 8, Kind.IDENTITY);
    }

    /** Adds fields relative to a moving base: the message start, then its body, or a context. */
    private static final class Builder {
        private final List<Field> out;
        private final String prefix;
        private final int messageStart;
        private final int messageEnd;
        private int base;

        Builder(List<Field> out, String prefix, int messageStart, int messageEnd) {
            this.out = out;
            this.prefix = prefix;
            this.messageStart = messageStart;
            this.messageEnd = messageEnd;
            this.base = messageStart;
        }

        void at(int offsetInMessage) {
            base = messageStart + offsetInMessage;
        }

        Builder context(String name, int offsetInMessage) {
            Builder context = new Builder(out, prefix + name, messageStart, messageEnd);
            context.at(offsetInMessage);
            return context;
        }

        /** Adds a field; one that would reach past the message (a short body) is left out. */
        void field(String name, int offset, int width, Kind kind) {
            if (base + offset + width > messageEnd) {
                return;
            }
            out.add(new Field(prefix + name, base + offset, width, kind));
        }
    }
}
