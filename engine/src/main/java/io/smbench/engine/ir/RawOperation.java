package io.smbench.engine.ir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One element of {@code operations} as read, before any check: what the validator needs to
 * report problems in a value of any shape, with where it was.
 *
 * @param index position in {@code operations}
 * @param line line of the element's first token
 * @param column column of the element's first token
 * @param json the element, which may not even be an object
 */
record RawOperation(int index, long line, long column, JsonNode json) {

  /** @return e.g. "operations[41], line 48" */
  String location() {
    return "operations[" + index + "], line " + line;
  }
}
