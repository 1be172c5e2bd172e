/**
 * SMB2/3 cryptography, MS-SMB2 3.1.4: key derivation (3.1.4.2, SP800-108 counter mode with
 * HMAC-SHA256), message signing with HMAC-SHA256, AES-CMAC and AES-GMAC (3.1.4.1), AES-CCM and
 * AES-GCM encryption in a transform header (3.1.4.3, 2.2.41) and the 3.1.1 preauth integrity hash
 * (3.2.5.3.1).
 *
 * <p>Instances keep their keyed MAC or cipher objects and are not thread-safe: each belongs to one
 * connection and is used on its event loop.
 */
package io.smbench.smb.crypto;
