package io.smbench.smb.mssmb2.fsctl;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * A server-side copy request, SRV_COPYCHUNK_COPY (MS-SMB2 2.2.31.1): SourceKey (24), ChunkCount
 * (4), Reserved (4), then ChunkCount SRV_COPYCHUNK entries (2.2.31.1.1: SourceOffset (8),
 * TargetOffset (8), Length (4), Reserved (4)). Sent on the target open with FSCTL_SRV_COPYCHUNK
 * or FSCTL_SRV_COPYCHUNK_WRITE.
 */
public record CopyChunk(ResumeKey source, List<Range> chunks) {
    static final int CHUNK_LENGTH = 24;

    /** One range to copy: from {@code sourceOffset} in the source to {@code targetOffset} in the target. */
    public record Range(long sourceOffset, long targetOffset, int length) {
    }

    public CopyChunk {
        chunks = List.copyOf(chunks);
    }

    public byte[] encode() {
        byte[] out = new byte[ResumeKey.LENGTH + 8 + CHUNK_LENGTH * chunks.size()];
        ByteBuffer le = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        System.arraycopy(source.bytes(), 0, out, 0, ResumeKey.LENGTH);
        le.putInt(24, chunks.size());
        int at = 32;
        for (Range chunk : chunks) {
            le.putLong(at, chunk.sourceOffset());
            le.putLong(at + 8, chunk.targetOffset());
            le.putInt(at + 16, chunk.length());
            at += CHUNK_LENGTH;
        }
        return out;
    }

    /**
     * SRV_COPYCHUNK_RESPONSE (MS-SMB2 2.2.32.1): ChunksWritten, ChunkBytesWritten, TotalBytesWritten.
     * When the server answered STATUS_INVALID_PARAMETER the three fields are its limits instead
     * (maximum chunks, maximum chunk size, maximum total), which {@link #limits()} tells.
     */
    public record Result(long chunksWritten, long chunkBytesWritten, long totalBytesWritten, boolean limits) {
        public static final int LENGTH = 12;

        public static Result decode(byte[] output, boolean limits) {
            FsctlBuffers.require(output, 0, LENGTH, "SRV_COPYCHUNK_RESPONSE", "ChunksWritten..TotalBytesWritten");
            ByteBuffer le = ByteBuffer.wrap(output).order(ByteOrder.LITTLE_ENDIAN);
            return new Result(Integer.toUnsignedLong(le.getInt(0)), Integer.toUnsignedLong(le.getInt(4)),
                    Integer.toUnsignedLong(le.getInt(8)),
                    limits);
        }
    }
}
