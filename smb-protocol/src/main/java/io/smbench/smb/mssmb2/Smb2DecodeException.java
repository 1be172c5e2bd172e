package io.smbench.smb.mssmb2;

/**
 * A received SMB2 message contradicts its own structure: a length, offset or count that points
 * outside the message, or a StructureSize that is not the spec's. The message names the command,
 * the field, the byte offset from the header's start and what was expected.
 */
public final class Smb2DecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Smb2DecodeException(String message) {
        super(message);
    }
}
