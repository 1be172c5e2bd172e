package io.smbench.smb.mssmb2.msg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The lease create context "RqLs" (MS-SMB2 2.2.13.2.8 SMB2_CREATE_REQUEST_LEASE, 2.2.13.2.10
 * SMB2_CREATE_REQUEST_LEASE_V2, and the same layouts in responses, 2.2.14.2.10/2.2.14.2.11).
 *
 * <p>v1 (32 bytes): LeaseKey (16), LeaseState (4), LeaseFlags (4), LeaseDuration (8). v2 (52
 * bytes): the same, then ParentLeaseKey (16), Epoch (2), Reserved (2). LeaseState bits: READ
 * 0x1, HANDLE 0x2, WRITE 0x4.
 */
public record LeaseContext(byte[] key, int state, int flags, byte[] parentKey, int epoch, int version) {
    public static final String NAME = "RqLs";
    public static final int READ = 0x1;
    public static final int HANDLE = 0x2;
    public static final int WRITE = 0x4;
    public static final int FLAG_BREAK_IN_PROGRESS = 0x2;
    public static final int FLAG_PARENT_LEASE_KEY_SET = 0x4;

    /** The create context for this lease request. */
    public CreateContext toCreateContext() {
        ByteBuffer data = ByteBuffer.allocate(version == 2 ? 52 : 32).order(ByteOrder.LITTLE_ENDIAN);
        data.put(key, 0, 16).putInt(state);
        data.putInt(version == 2 && parentKey != null ? FLAG_PARENT_LEASE_KEY_SET : 0).putLong(0);
        if (version == 2) {
            data.put(parentKey == null ? new byte[16] : parentKey, 0, 16).putShort((short) epoch).putShort((short) 0);
        }
        return new CreateContext(NAME, data.array());
    }

    /** Decodes a granted lease from a CREATE response context; v2 when 52 bytes long. */
    public static LeaseContext decode(byte[] data) {
        if (data.length != 32 && data.length != 52) {
            throw new io.smbench.smb.mssmb2.Smb2DecodeException("CREATE response: lease context of " + data.length
                    + " bytes, expected 32 (v1) or 52 (v2)");
        }
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        byte[] key = new byte[16];
        in.get(key);
        int state = in.getInt();
        int flags = in.getInt();
        in.getLong();
        if (data.length == 32) {
            return new LeaseContext(key, state, flags, null, 0, 1);
        }
        byte[] parent = new byte[16];
        in.get(parent);
        int epoch = in.getShort() & 0xFFFF;
        return new LeaseContext(key, state, flags, parent, epoch, 2);
    }

    /** "RWH"-style letters for a state. */
    public static String stateName(int state) {
        StringBuilder name = new StringBuilder();
        if ((state & READ) != 0) {
            name.append('R');
        }
        if ((state & WRITE) != 0) {
            name.append('W');
        }
        if ((state & HANDLE) != 0) {
            name.append('H');
        }
        return name.length() == 0 ? "None" : name.toString();
    }

    /** Parses "RWH"-style letters. */
    public static int parseState(String letters) {
        int state = 0;
        for (char c : letters.toCharArray()) {
            state |= switch (c) {
                case 'R' -> READ;
                case 'W' -> WRITE;
                case 'H' -> HANDLE;
                default -> throw new IllegalArgumentException("lease state letter '" + c + "' is not R, W or H");
            };
        }
        return state;
    }
}
