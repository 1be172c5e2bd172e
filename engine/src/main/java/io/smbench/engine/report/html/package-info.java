/**
 * The replay report (docs/report.md) as one self-contained HTML page: inline CSS and SVG charts
 * drawn here, no scripts and nothing fetched, so the file can be mailed, archived or opened
 * offline. Every string from the report is escaped: op_ids, paths and statuses come from
 * captures and may be hostile.
 */
package io.smbench.engine.report.html;
