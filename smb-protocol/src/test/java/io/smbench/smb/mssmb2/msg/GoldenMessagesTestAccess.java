package io.smbench.smb.mssmb2.msg;

/** Shares the golden messages of {@link GoldenMessagesTest} with tests in other packages. */
public final class GoldenMessagesTestAccess {
    public static final String NEGOTIATE_RESPONSE = GoldenMessagesTest.NEGOTIATE_RESPONSE;

    private GoldenMessagesTestAccess() {}
}
