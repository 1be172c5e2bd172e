package io.smbench.engine.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Session keys for decrypting SMB3 traffic, in the form Wireshark's smb2_seskey_list takes:
 * {@code SESSIONID,SESSIONKEY} with the 8-byte SessionId in hex as it appears on the wire
 * (little-endian) and the 16-byte session key in hex; {@code SESSIONID:SESSIONKEY} is accepted too.
 */
public final class SessionKeyTable {
    private final Map<Long, byte[]> keys = new HashMap<>();

    /** Parses entries given on the command line or, with "@FILE" or an existing path, one per line from a file. */
    public static SessionKeyTable parse(List<String> entries) throws IOException {
        SessionKeyTable table = new SessionKeyTable();
        for (String entry : entries) {
            Path file = Path.of(entry.startsWith("@") ? entry.substring(1) : entry);
            if (entry.startsWith("@") || (!entry.contains(",") && !entry.contains(":") && Files.isRegularFile(file))) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        table.add(line.strip());
                    }
                }
            } else {
                table.add(entry);
            }
        }
        return table;
    }

    private void add(String entry) {
        String[] parts = entry.replace("\"", "").split("[,:]");
        if (parts.length < 2) {
            throw new IllegalArgumentException("session key entry '" + entry.replaceAll("[0-9a-fA-F]{32}", "<key>")
                    + "' is not SESSIONID,SESSIONKEY");
        }
        byte[] id = HexFormat.of().parseHex(parts[0].strip());
        byte[] key = HexFormat.of().parseHex(parts[1].strip());
        if (id.length != 8 || (key.length != 16 && key.length != 32)) {
            throw new IllegalArgumentException("session key entry: SessionId must be 8 bytes and the key 16 or 32 "
                    + "bytes of hex");
        }
        long sessionId = 0;
        for (int i = 7; i >= 0; i--) {
            sessionId = sessionId << 8 | (id[i] & 0xFF);
        }
        keys.put(sessionId, key);
    }

    /** The key of {@code sessionId}, or null. */
    public byte[] key(long sessionId) {
        return keys.get(sessionId);
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    public static SessionKeyTable none() {
        return new SessionKeyTable();
    }
}
