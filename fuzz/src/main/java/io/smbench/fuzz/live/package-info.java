/**
 * The live-server protocol fuzzer behind {@code smbench fuzz}: valid SMB2 request sequences built
 * with smbench's own codecs ([MS-SMB2] 2.2), mutated field by field at the offsets the
 * specification gives, sent through the normal MessageId, credit and signing path of a logged-on
 * connection, and classified by what the server does: answers, disconnects, hangs or stops
 * accepting connections. Every case is reproducible from its seed.
 */
package io.smbench.fuzz.live;
