/**
 * NTLMv2 authentication, MS-NLMP: the NEGOTIATE, CHALLENGE and AUTHENTICATE messages (2.2.1),
 * AV pairs (2.2.2.1), the NTLMv2 response and key computations (3.3.2, 3.4.5), the MIC
 * (3.1.5.1.2) and message signatures for SPNEGO's mechListMIC (3.4.4).
 */
package io.smbench.smb.ntlm;
