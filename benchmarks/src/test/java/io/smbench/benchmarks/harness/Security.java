package io.smbench.benchmarks.harness;

/**
 * The three ways the sequential transfers run, each on its own lab share, all at SMB 3.1.1.
 */
enum Security {
    /** The {@code open} share, no signing asked by the client (Samba does not require it). */
    UNSIGNED("open"),
    /** The {@code signed} share with signing required by the client (every request and response signed). */
    SIGNED("signed"),
    /** The {@code encrypted} share ({@code smb encrypt = required}), the client encrypting the session. */
    ENCRYPTED("encrypted");

    private final String share;

    Security(String share) {
        this.share = share;
    }

    /** @return the lab share this mode uses */
    String share() {
        return share;
    }

    /** @return lower-case name for tables */
    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
