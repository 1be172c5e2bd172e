/** NTSTATUS values (MS-ERREF 2.3.1) that SMB2 clients meet, with their names for messages and reports. */
package io.smbench.smb.mserref;
