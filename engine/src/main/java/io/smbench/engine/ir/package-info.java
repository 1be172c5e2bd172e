/**
 * Workload IR v1: the JSON document smbench replays (parse, validate, write).
 *
 * <p>A workload is a header ({@code version}, {@code metadata}, {@code clients}) and a list of
 * {@code operations}, each one SMB2 request a client issued at a time offset. {@link
 * io.smbench.engine.ir.WorkloadReader} streams operations with Jackson's {@code JsonParser} so a
 * workload of millions of operations never sits in memory; {@link
 * io.smbench.engine.ir.WorkloadValidator} reports every problem at once; {@link
 * io.smbench.engine.ir.WorkloadWriter} writes a workload back, keeping fields this version does
 * not know. The format is described in {@code docs/workload-ir.md} and {@code
 * docs/workload-ir.schema.json}; status codes follow MS-ERREF 2.3 (NTSTATUS).
 */
package io.smbench.engine.ir;
