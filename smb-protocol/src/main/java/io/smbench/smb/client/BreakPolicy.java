package io.smbench.smb.client;

import java.time.Duration;

/**
 * How the client answers an oplock break (MS-SMB2 3.2.5.19.1): at once with the level the server
 * offers, as a Windows client would (the default); after a delay, to reproduce a slow client; or
 * never, to reproduce a stuck one (the server then waits out its break timeout).
 */
public record BreakPolicy(Mode mode, Duration delay) {
    /** How to acknowledge. */
    public enum Mode { IMMEDIATE, DELAYED, NEVER }

    public static final BreakPolicy IMMEDIATE = new BreakPolicy(Mode.IMMEDIATE, Duration.ZERO);

    public static BreakPolicy delayed(Duration delay) {
        return new BreakPolicy(Mode.DELAYED, delay);
    }

    public static final BreakPolicy NEVER = new BreakPolicy(Mode.NEVER, Duration.ZERO);
}
