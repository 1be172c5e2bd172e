package io.smbench.engine.ir;

/**
 * The operation being checked, as issues name it.
 *
 * @param index position in {@code operations}
 * @param opId its {@code op_id}, or null when missing or not a string
 * @param location e.g. "operations[41], line 48"
 */
record OpContext(int index, String opId, String location) {}
