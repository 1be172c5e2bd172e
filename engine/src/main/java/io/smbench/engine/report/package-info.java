/** Replay results for people (a summary table) and programs (a JSON report, schema in docs/report.md). */
package io.smbench.engine.report;
