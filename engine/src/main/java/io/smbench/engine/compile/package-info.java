/**
 * The capture compiler ({@link io.smbench.engine.compile.CaptureCompiler}): streaming pcap and
 * pcapng readers, link-layer and IP decoding down to TCP segments, TCP reassembly and SMB2 Direct
 * TCP framing (MS-SMB2 2.1), conversations matching requests to responses into IR operations, and
 * the options of {@code smbench compile} (time window, write data as blobs, clients by connection,
 * session or user, durable reconnects; docs/compile.md). Every error about the file names the
 * packet number and the byte offset in it.
 */
package io.smbench.engine.compile;
