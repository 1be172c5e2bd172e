package io.smbench.engine.ir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Type and range checks on one field of a JSON object, each reporting a precise error and
 * returning the value when it is usable (null otherwise) so later checks can build on it.
 */
final class FieldChecks {
  private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2})*");
  private static final Pattern HEX_NUMBER = Pattern.compile("0[xX][0-9a-fA-F]{1,16}");

  private final IssueCollector issues;
  private final OpContext op;
  private final JsonNode object;
  private final String prefix;

  FieldChecks(IssueCollector issues, OpContext op, JsonNode object, String prefix) {
    this.issues = issues;
    this.op = op;
    this.object = object;
    this.prefix = prefix;
  }

  /** @return checks on a nested object, whose fields are reported as {@code field.sub} */
  FieldChecks nested(String field, JsonNode value) {
    return new FieldChecks(issues, op, value, prefix + field + ".");
  }

  JsonNode get(String field) {
    return object.get(field);
  }

  boolean has(String field) {
    return object.has(field);
  }

  void error(String field, String message) {
    issues.error(op, field == null ? null : prefix + field, message);
  }

  private boolean present(String field, boolean required) {
    if (object.has(field)) {
      return true;
    }
    if (required) {
      error(field, "required field is missing");
    }
    return false;
  }

  String text(String field, boolean required) {
    if (!present(field, required)) {
      return null;
    }
    JsonNode v = object.get(field);
    if (!v.isTextual()) {
      error(field, "must be a string, was " + describe(v));
      return null;
    }
    if (v.textValue().isEmpty()) {
      error(field, "must not be empty");
      return null;
    }
    return v.textValue();
  }

  /** @return the value, or null (also when negative, which is reported) */
  Long nonNegative(String field, boolean required) {
    if (!present(field, required)) {
      return null;
    }
    JsonNode v = object.get(field);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      error(field, "must be an integer, was " + describe(v));
      return null;
    }
    if (v.longValue() < 0) {
      error(field, "must be >= 0, was " + v.longValue());
      return null;
    }
    return v.longValue();
  }

  Boolean bool(String field, boolean required) {
    if (!present(field, required)) {
      return null;
    }
    JsonNode v = object.get(field);
    if (!v.isBoolean()) {
      error(field, "must be true or false, was " + describe(v));
      return null;
    }
    return v.booleanValue();
  }

  String oneOf(String field, boolean required, List<String> accepted) {
    String v = text(field, required);
    if (v != null && !accepted.contains(v)) {
      error(field, "'" + v + "' is not accepted; accepted: " + String.join(", ", accepted));
      return null;
    }
    return v;
  }

  /** A 32-bit or 64-bit code written as an integer or a hex string such as "0x00090078". */
  void code(String field, boolean required, long max) {
    if (!present(field, required)) {
      return;
    }
    JsonNode v = object.get(field);
    long value;
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      value = v.longValue();
    } else if (v.isTextual() && HEX_NUMBER.matcher(v.textValue()).matches()) {
      value = Long.parseUnsignedLong(v.textValue().substring(2), 16);
    } else {
      error(field, "must be an integer or a hex string like \"0x00090078\", was " + describe(v));
      return;
    }
    if (value < 0 || Long.compareUnsigned(value, max) > 0) {
      error(field, "must be between 0 and 0x" + Long.toHexString(max).toUpperCase() + ", was " + v);
    }
  }

  /** Flags given either as an integer mask or an array of names from {@code accepted}. */
  void flags(String field, boolean required, List<String> accepted) {
    if (!present(field, required)) {
      return;
    }
    JsonNode v = object.get(field);
    if (v.isIntegralNumber() || v.isTextual() && HEX_NUMBER.matcher(v.textValue()).matches()) {
      code(field, required, 0xFFFFFFFFL);
      return;
    }
    if (!v.isArray()) {
      error(field, "must be an array of names or an integer mask, was " + describe(v));
      return;
    }
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      if (!e.isTextual() || !accepted.contains(e.textValue())) {
        error(field + "[" + i + "]", describe(e) + " is not accepted; accepted: " + String.join(", ", accepted));
      }
    }
  }

  /** Even-length hex bytes such as "0a1b"; "" is a valid empty payload. */
  void hexBytes(String field, boolean required) {
    if (!present(field, required)) {
      return;
    }
    JsonNode v = object.get(field);
    if (!v.isTextual()) {
      error(field, "must be a string of hex bytes, was " + describe(v));
    } else if (!HEX.matcher(v.textValue()).matches()) {
      error(field, "must be hex bytes (pairs of 0-9, a-f), was \"" + abbreviate(v.textValue()) + "\"");
    }
  }

  /** Exactly 32 hex digits, the form of SMB2 lease keys and create GUIDs. */
  void key128(String field, boolean required) {
    String v = text(field, required);
    if (v != null && (v.length() != 32 || !HEX.matcher(v).matches())) {
      error(field, "must be 32 hex digits (16 bytes), was \"" + abbreviate(v) + "\"");
    }
  }

  static String describe(JsonNode v) {
    String text = abbreviate(v.toString());
    return switch (v.getNodeType()) {
      case STRING -> "string " + text;
      case NUMBER -> "number " + text;
      case BOOLEAN -> "boolean " + text;
      case NULL -> "null";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      default -> text;
    };
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
