package io.smbench.engine.compile;

/** A capture file is corrupt or truncated; the message names the packet number and file offset. */
public final class CaptureFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long packetNumber;
    private final long byteOffset;

    public CaptureFormatException(long packetNumber, long byteOffset, String what) {
        super("packet " + packetNumber + " (byte offset " + byteOffset + "): " + what);
        this.packetNumber = packetNumber;
        this.byteOffset = byteOffset;
    }

    public long packetNumber() {
        return packetNumber;
    }

    public long byteOffset() {
        return byteOffset;
    }
}
