package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;
import io.smbench.smb.client.BodyWriter;

/**
 * SMB2 SET_INFO Request (MS-SMB2 2.2.39): StructureSize 33 (2), InfoType (1), FileInfoClass (1),
 * BufferLength (4), BufferOffset (2), Reserved (2), AdditionalInformation (4), FileId (16), then
 * the buffer (an MS-FSCC information structure).
 */
public record SetInfoRequest(int infoType, int infoClass, int additionalInformation, FileId fileId, byte[] buffer)
        implements BodyWriter {
    /** FileRenameInformation for SMB2 (MS-FSCC 2.4.42.2). */
    public static final int FILE_RENAME_INFORMATION = 10;
    /** FileDispositionInformation (MS-FSCC 2.4.11). */
    public static final int FILE_DISPOSITION_INFORMATION = 13;
    /** FileEndOfFileInformation (MS-FSCC 2.4.14). */
    public static final int FILE_END_OF_FILE_INFORMATION = 20;

    @Override
    public void write(ByteBuf out, int headerStart) {
        out.writeShortLE(33);
        out.writeByte(infoType);
        out.writeByte(infoClass);
        out.writeIntLE(buffer.length);
        out.writeShortLE(out.writerIndex() + 24 - headerStart); // the buffer follows the 32-byte fixed part
        out.writeShortLE(0);
        out.writeIntLE(additionalInformation);
        fileId.write(out);
        out.writeBytes(buffer);
    }

    /**
     * FILE_RENAME_INFORMATION_TYPE_2 (MS-FSCC 2.4.42.2): ReplaceIfExists (1), Reserved (7),
     * RootDirectory (8, zero), FileNameLength (4), FileName (UTF-16LE, relative to the share root).
     */
    public static byte[] renameInformation(String newName, boolean replaceIfExists) {
        byte[] unicode = newName.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(20 + unicode.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) (replaceIfExists ? 1 : 0)).put(new byte[7]).putLong(0).putInt(unicode.length).put(unicode);
        return b.array();
    }
}
