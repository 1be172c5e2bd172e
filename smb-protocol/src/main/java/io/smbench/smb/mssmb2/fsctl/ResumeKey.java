package io.smbench.smb.mssmb2.fsctl;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The server's name for an open, usable as the source of a server-side copy: the 24-byte ResumeKey
 * of a SRV_REQUEST_RESUME_KEY response (MS-SMB2 2.2.32.3: ResumeKey (24), ContextLength (4),
 * Context (variable, ignored by clients)).
 */
public final class ResumeKey {
    public static final int LENGTH = 24;
    private final byte[] key;

    private ResumeKey(byte[] key) {
        this.key = key;
    }

    public static ResumeKey decode(byte[] output) {
        FsctlBuffers.require(output, 0, LENGTH + 4, "SRV_REQUEST_RESUME_KEY response", "ResumeKey and ContextLength");
        return new ResumeKey(Arrays.copyOf(output, LENGTH));
    }

    public static ResumeKey of(byte[] key) {
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("a resume key has " + LENGTH + " bytes, not " + key.length);
        }
        return new ResumeKey(key.clone());
    }

    public byte[] bytes() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResumeKey that && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "ResumeKey[" + HexFormat.of().formatHex(key) + "]";
    }
}
