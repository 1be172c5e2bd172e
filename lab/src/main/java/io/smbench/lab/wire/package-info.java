/**
 * Wire checks: records loopback SMB traffic with tshark while a test runs, then asks Wireshark's
 * SMB2 dissector whether any packet was malformed or carried an expert error. For encrypted
 * sessions the test supplies the session keys so the dissector checks the decrypted messages too.
 */
package io.smbench.lab.wire;
