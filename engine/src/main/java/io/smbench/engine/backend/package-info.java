/**
 * What executes operations: the SMB backend (smbench's own SMB2/3 client) and a null backend that
 * completes every operation at once, for scheduler benchmarks and tests that claim nothing about a
 * server.
 */
package io.smbench.engine.backend;
