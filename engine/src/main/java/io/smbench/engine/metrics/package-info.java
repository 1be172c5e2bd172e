/**
 * Replay measurements, recorded on the scheduler's thread without allocation: per operation kind,
 * latency from the actual send and from the scheduled send time (so a stalled server cannot hide
 * behind late sends), statuses, bytes; and the scheduler's own lateness.
 */
package io.smbench.engine.metrics;
