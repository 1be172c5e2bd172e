/**
 * The FSCTL input and output structures a replay needs, carried in the buffers of SMB2 IOCTL
 * (MS-SMB2 2.2.31, 2.2.32) and MS-FSCC 2.3: network interfaces for multichannel, server-side copy
 * (resume key and copychunk), sparse files. Decoders check every length against the buffer and
 * fail with {@link io.smbench.smb.mssmb2.Smb2DecodeException} naming the field and byte offset.
 */
package io.smbench.smb.mssmb2.fsctl;
