/**
 * SMB2 wire constants shared by every message: commands, dialects, capability and flag bits
 * (MS-SMB2 2.2.1 to 2.2.10), and the decoding error type.
 */
package io.smbench.smb.mssmb2;
