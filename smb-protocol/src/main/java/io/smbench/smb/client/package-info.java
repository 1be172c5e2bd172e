/**
 * The SMB2/3 client: connections (MS-SMB2 3.2.1.2), their credit window and outstanding-request
 * table, the receive path in the order of MS-SMB2 3.2.5.1, NEGOTIATE (3.2.4.2.2, 3.2.5.2), session
 * setup (3.2.4.2.3, 3.2.5.3), tree connect (3.2.4.2.4), and {@link io.smbench.smb.client.Probe}.
 *
 * <p>Everything a connection owns lives on its Netty event loop; public methods hop onto it, and
 * futures complete there. Credits never block a caller: requests wait in a queue until granted.
 */
package io.smbench.smb.client;
