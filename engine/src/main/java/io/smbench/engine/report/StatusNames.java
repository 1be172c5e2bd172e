package io.smbench.engine.report;

import io.smbench.engine.backend.CompletionSink;
import io.smbench.smb.mserref.NtStatus;

/** Names of outcomes in reports: NTSTATUS names, and the client-side outcomes smbench adds. */
final class StatusNames {
    private StatusNames() {}

    static String describe(int status) {
        return switch (status) {
            case CompletionSink.CLIENT_ERROR -> "CLIENT_ERROR";
            case CompletionSink.TIMEOUT -> "TIMEOUT";
            case CompletionSink.UNSUPPORTED -> "UNSUPPORTED_BY_SMBENCH";
            case CompletionSink.CONNECTION_LOST -> "CONNECTION_LOST";
            default -> NtStatus.describe(status);
        };
    }
}
