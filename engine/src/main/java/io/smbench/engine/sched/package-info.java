/**
 * The replay scheduler: a single-threaded Agrona duty-cycle agent that keeps each client's
 * operations in order (op N+1 starts when op N completed and its scheduled time came), runs clients
 * in parallel, issues due operations from a timer wheel, and takes completions back from the
 * backend's threads through a many-to-one ring buffer. The hot path does not allocate or lock.
 */
package io.smbench.engine.sched;
