/**
 * The capture compiler's input side: streaming pcap and pcapng readers, link-layer and IP decoding
 * down to TCP segments. Every error names the packet number and the byte offset in the file.
 */
package io.smbench.engine.compile;
