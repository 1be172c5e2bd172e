package io.smbench.smb.mssmb2.fsctl;

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
        System.arraycopy(source.bytes(), 0, out, 0, ResumeKey.LENGTH);
        FsctlBuffers.putI32(out, 24, chunks.size());
        int at = 32;
        for (Range chunk : chunks) {
            FsctlBuffers.putI64(out, at, chunk.sourceOffset());
            FsctlBuffers.putI64(out, at + 8, chunk.targetOffset());
            FsctlBuffers.putI32(out, at + 16, chunk.length());
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
            return new Result(FsctlBuffers.u32(output, 0), FsctlBuffers.u32(output, 4), FsctlBuffers.u32(output, 8),
                    limits);
        }
    }
}
