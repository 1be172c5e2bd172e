package io.smbench.smb.ntlm;

import java.util.Arrays;
import java.util.Objects;

/**
 * A user, domain and password for NTLM. The password is a {@code char[]} that {@link #clear()}
 * overwrites; {@link #toString()} never shows it.
 */
public final class NtlmCredentials {
    private final String user;
    private final String domain;
    private final char[] password;

    public NtlmCredentials(String user, String domain, char[] password) {
        this.user = Objects.requireNonNull(user, "user");
        this.domain = domain == null ? "" : domain;
        this.password = password == null ? new char[0] : password.clone();
    }

    /** The null session: no user, no password (MS-NLMP 3.2.5.1.2 anonymous). */
    public static NtlmCredentials anonymous() {
        return new NtlmCredentials("", "", new char[0]);
    }

    public String user() {
        return user;
    }

    public String domain() {
        return domain;
    }

    public boolean isAnonymous() {
        return user.isEmpty() && password.length == 0;
    }

    char[] password() {
        return password;
    }

    /** Overwrites the password. */
    public void clear() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "NtlmCredentials[user=" + (domain.isEmpty() ? "" : domain + "\\") + user + "]";
    }
}
