/** The replay scheduler alone (null backend): dispatch rate and allocation per operation. */
package io.smbench.benchmarks.sched;
