package io.smbench.smb.mssmb2.msg;

import io.netty.buffer.ByteBuf;
import io.smbench.smb.client.BodyWriter;
import java.nio.charset.StandardCharsets;

/**
 * SMB2 QUERY_DIRECTORY Request (MS-SMB2 2.2.33): StructureSize 33 (2), FileInformationClass (1),
 * Flags (1: RESTART_SCANS 0x01, RETURN_SINGLE_ENTRY 0x02, INDEX_SPECIFIED 0x04, REOPEN 0x10),
 * FileIndex (4), FileId (16), FileNameOffset (2), FileNameLength (2), OutputBufferLength (4), then
 * the search pattern in UTF-16LE.
 */
public record QueryDirectoryRequest(int infoClass, int flags, FileId fileId, String pattern, int outputBufferLength)
        implements BodyWriter {
    /** FileIdBothDirectoryInformation (MS-FSCC 2.4.17), what Windows asks for. */
    public static final int FILE_ID_BOTH_DIRECTORY_INFORMATION = 0x25;
    public static final int RESTART_SCANS = 0x01;

    @Override
    public void write(ByteBuf out, int headerStart) {
        byte[] unicode = pattern.getBytes(StandardCharsets.UTF_16LE);
        out.writeShortLE(33);
        out.writeByte(infoClass);
        out.writeByte(flags);
        out.writeIntLE(0);
        fileId.write(out);
        out.writeShortLE(out.writerIndex() + 8 - headerStart);
        out.writeShortLE(unicode.length);
        out.writeIntLE(outputBufferLength);
        out.writeBytes(unicode);
        if (unicode.length == 0) {
            out.writeByte(0);
        }
    }
}
