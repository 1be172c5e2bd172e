/** Cost of writing and reading SMB2 headers and message bodies (MS-SMB2 2.2). */
package io.smbench.benchmarks.codec;
