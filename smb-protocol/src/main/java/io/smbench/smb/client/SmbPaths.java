package io.smbench.smb.client;

/**
 * Converts workload paths ("/dir/file.txt") to SMB2 CREATE names ("dir\file.txt"): relative to the
 * share root, backslash-separated, no leading separator (MS-SMB2 2.2.13, Buffer).
 */
public final class SmbPaths {
    private SmbPaths() {}

    public static String toSmb(String path) {
        String name = path.replace('/', '\\');
        while (name.startsWith("\\")) {
            name = name.substring(1);
        }
        while (name.endsWith("\\")) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }
}
