package io.smbench.engine.compile;

/** A capture file is corrupt or truncated; the message names the packet number and file offset. */
public final class CaptureFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long packetNumber;
    private final long byteOffset;
    private final boolean truncated;

    public CaptureFormatException(long packetNumber, long byteOffset, String what) {
        this(packetNumber, byteOffset, what, false);
    }

    /**
     * @param truncated the file ends inside a record (a capture whose writer was stopped), rather
     *     than holding something that is not a capture
     */
    public CaptureFormatException(long packetNumber, long byteOffset, String what, boolean truncated) {
        super("packet " + packetNumber + " (byte offset " + byteOffset + "): " + what);
        this.packetNumber = packetNumber;
        this.byteOffset = byteOffset;
        this.truncated = truncated;
    }

    /** The file ends inside a record: everything before it was read. */
    public boolean truncated() {
        return truncated;
    }

    public long packetNumber() {
        return packetNumber;
    }

    public long byteOffset() {
        return byteOffset;
    }
}
