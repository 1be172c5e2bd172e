/** Direct TCP transport framing of SMB2 (MS-SMB2 2.1): one zero byte and a 24-bit length before each message. */
package io.smbench.smb.transport;
