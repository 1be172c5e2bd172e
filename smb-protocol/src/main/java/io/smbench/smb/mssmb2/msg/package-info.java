/**
 * One immutable class per SMB2 request or response body (MS-SMB2 2.2).
 *
 * <p>Convention: a request implements {@link io.smbench.smb.client.BodyWriter} and writes its body
 * after the 64-byte header, computing offsets from the header's first byte; a response has a
 * {@code static decode(ByteBuf message)} taking the whole message with the reader index at the
 * header. Decoders check every length, offset and count against the message and throw
 * {@link io.smbench.smb.mssmb2.Smb2DecodeException} naming the field and byte offset.
 */
package io.smbench.smb.mssmb2.msg;
