/**
 * JMH benchmarks of smbench's engine, packaged as {@code benchmarks/target/benchmarks.jar}; run
 * with {@code java -jar benchmarks/target/benchmarks.jar <regex>}. Figures are kept in {@code
 * docs/performance.md}.
 */
package io.smbench.benchmarks;
