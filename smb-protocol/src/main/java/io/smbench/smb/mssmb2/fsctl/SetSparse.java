package io.smbench.smb.mssmb2.fsctl;

/**
 * FILE_SET_SPARSE_BUFFER (MS-FSCC 2.3.64): one byte, SetSparse, TRUE (1) or FALSE (0). An empty
 * input means TRUE as well (MS-FSCC 2.3.63), which is what older clients send.
 */
public final class SetSparse {
    private SetSparse() {
    }

    public static byte[] encode(boolean sparse) {
        return new byte[] {(byte) (sparse ? 1 : 0)};
    }
}
