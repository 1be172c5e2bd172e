package io.smbench.smb.client;

/**
 * Receives messages the client did not ask for: oplock and lease break notifications, which carry
 * MessageId 0xFFFFFFFFFFFFFFFF (MS-SMB2 2.2.23, 3.2.5.19). Runs on the event loop; the listener
 * owns the response and must close it.
 */
@FunctionalInterface
public interface UnsolicitedMessageListener {
    void onUnsolicited(Smb2Response message);
}
