/**
 * SPNEGO (RFC 4178, MS-SPNG) as SMB2 SESSION_SETUP carries it: the client's NegTokenInit offering
 * NTLMSSP, NegTokenResp in both directions, and mechListMIC (MS-SPNG 3.3.5.1). Only the DER
 * subset these tokens use is implemented, strictly.
 */
package io.smbench.smb.spnego;
