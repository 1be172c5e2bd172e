package io.smbench.engine.compile;

import java.util.Locale;

/** What one client of a compiled workload is: a TCP connection, an SMB session or a user (see {@link ClientRegistry}). */
public enum ClientsBy {
    CONNECTION, SESSION, USER;

    /** {@code connection}, {@code session} or {@code user}, as the command line takes it. */
    public static ClientsBy parse(String text) {
        for (ClientsBy value : values()) {
            if (value.name().equalsIgnoreCase(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of connection, session, user");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
