/** Speed of compiling packet captures into workloads ({@code io.smbench.engine.compile}). */
package io.smbench.benchmarks.compile;
