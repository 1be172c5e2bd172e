package io.smbench.smb.mssmb2.fsctl;

import io.smbench.smb.mssmb2.Smb2DecodeException;

/** The bounds check every FSCTL decoder makes before it reads a field. */
final class FsctlBuffers {
    private FsctlBuffers() {
    }

    static void require(byte[] buffer, int offset, int length, String structure, String field) {
        if (offset < 0 || length < 0 || (long) offset + length > buffer.length) {
            throw new Smb2DecodeException(structure + ": field " + field + " at byte offset " + offset + " needs "
                    + length + " bytes but the output buffer holds " + buffer.length);
        }
    }
}
