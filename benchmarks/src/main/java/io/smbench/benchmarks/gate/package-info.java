/**
 * The regression gate over JMH results: {@link io.smbench.benchmarks.gate.BaselineGate} compares a run's JSON
 * ({@code -rf json -rff FILE}) with a saved baseline and fails on a regression beyond a threshold and the
 * error margins.
 */
package io.smbench.benchmarks.gate;
