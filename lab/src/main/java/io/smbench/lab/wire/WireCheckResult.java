package io.smbench.lab.wire;

import java.nio.file.Path;
import java.util.List;

/**
 * What the dissector said about a capture.
 *
 * @param capture the capture file, rewritten to port 445 (kept for inspection when a check fails)
 * @param smb2Packets how many frames the SMB2 dissector decoded (0 means the check saw nothing)
 * @param problems one line per malformed or expert-error frame: frame number, message, command
 * @param transformFrames frames carrying an SMB2 TRANSFORM_HEADER (encrypted)
 * @param decryptedFrames of those, the ones the dissector decrypted with the given session keys
 */
public record WireCheckResult(Path capture, int smb2Packets, List<String> problems, int transformFrames,
        int decryptedFrames) {
    public boolean clean() {
        return problems.isEmpty();
    }

    @Override
    public String toString() {
        return smb2Packets + " SMB2 frames (" + decryptedFrames + " of " + transformFrames
                + " encrypted frames decrypted) in " + capture + (problems.isEmpty() ? ", none malformed"
                : ", " + problems.size() + " malformed or with expert errors:\n  " + String.join("\n  ", problems));
    }
}
