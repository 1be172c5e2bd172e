package io.smbench.smb.mssmb2;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The SMB2/3 dialects a client may offer (MS-SMB2 2.2.3, Dialects). */
public enum Dialect {
    SMB_2_0_2(0x0202, "2.0.2"),
    SMB_2_1(0x0210, "2.1"),
    SMB_3_0(0x0300, "3.0"),
    SMB_3_0_2(0x0302, "3.0.2"),
    SMB_3_1_1(0x0311, "3.1.1");

    private final int code;
    private final String version;

    Dialect(int code, String version) {
        this.code = code;
        this.version = version;
    }

    public int code() {
        return code;
    }

    public String version() {
        return version;
    }

    public boolean isSmb3() {
        return code >= 0x0300;
    }

    /** The dialect with this DialectRevision, or null. */
    public static Dialect ofCode(int code) {
        for (Dialect dialect : values()) {
            if (dialect.code == code) {
                return dialect;
            }
        }
        return null;
    }

    /** Parses "3.1.1", "311", "SMB3_11", "0x0311". */
    public static Dialect parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (Dialect dialect : values()) {
            String digits = dialect.version.replace(".", "");
            if (t.equals(dialect.version) || t.equals(digits) || t.equals(String.format("0X%04X", dialect.code))
                    || t.equals("SMB" + dialect.version) || t.equals(smbConfName(dialect))) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("unknown dialect '" + text + "'; expected one of 2.0.2, 2.1, 3.0, 3.0.2, 3.1.1");
    }

    /**
     * Parses a single dialect or an inclusive range "2.1-3.0.2"; "all" means every dialect.
     */
    public static List<Dialect> parseRange(String text) {
        if (text.equalsIgnoreCase("all")) {
            return List.of(values());
        }
        int dash = text.indexOf('-');
        if (dash < 0) {
            return List.of(parse(text));
        }
        Dialect low = parse(text.substring(0, dash));
        Dialect high = parse(text.substring(dash + 1));
        if (low.code > high.code) {
            throw new IllegalArgumentException("dialect range '" + text + "' goes downwards");
        }
        List<Dialect> range = new ArrayList<>();
        for (Dialect dialect : values()) {
            if (dialect.code >= low.code && dialect.code <= high.code) {
                range.add(dialect);
            }
        }
        return range;
    }

    private static String smbConfName(Dialect dialect) {
        return switch (dialect) {
            case SMB_2_0_2 -> "SMB2_02";
            case SMB_2_1 -> "SMB2_10";
            case SMB_3_0 -> "SMB3_00";
            case SMB_3_0_2 -> "SMB3_02";
            case SMB_3_1_1 -> "SMB3_11";
        };
    }
}
