package io.smbench.engine.ir;

/**
 * Checks the fields each operation kind needs: presence, type, range and accepted names. Knows
 * nothing about other operations; {@link ClientTracker} handles ordering and handles.
 */
final class OperationFieldChecker {
  private final BlobChecker blobs;

  OperationFieldChecker(BlobChecker blobs) {
    this.blobs = blobs;
  }

  void check(OperationKind kind, FieldChecks f) {
    switch (kind) {
      case Open -> {
        f.text("path", true);
        f.oneOf("mode", true, IrVocabulary.MODES);
        f.text("handle_ref", true);
        OpenExtensionsChecker.check(f);
      }
      case Close, Flush -> f.text("handle_ref", true);
      case Read -> handleRange(f);
      case Write -> {
        Long length = handleRange(f);
        blobs.check(f, "blob_path", f.text("blob_path", false), length);
      }
      case Delete, Mkdir, Rmdir -> f.text("path", true);
      case Rename -> {
        f.text("path", true);
        f.text("new_path", true);
        f.bool("replace_if_exists", false);
      }
      case QueryDirectory -> {
        f.text("path", true);
        f.text("pattern", false);
        infoClass(f, false);
      }
      case Fsctl, Ioctl -> {
        f.text("handle_ref", true);
        f.text("source_handle_ref", false);
        f.code("ctl_code", true, 0xFFFFFFFFL);
        input(f, false);
        f.nonNegative("max_output", false);
      }
      case QueryInfo -> {
        f.text("handle_ref", true);
        f.oneOf("info_type", true, IrVocabulary.INFO_TYPES);
        infoClass(f, true);
        f.nonNegative("output_length", false);
        f.code("additional_information", false, 0xFFFFFFFFL);
      }
      case SetInfo -> {
        f.text("handle_ref", true);
        f.oneOf("info_type", true, IrVocabulary.INFO_TYPES);
        infoClass(f, true);
        input(f, true);
        f.code("additional_information", false, 0xFFFFFFFFL);
      }
      case Lock -> {
        handleRange(f);
        f.bool("exclusive", false);
        f.bool("fail_immediately", false);
      }
      case Unlock -> handleRange(f);
      case ChangeNotify -> {
        f.text("handle_ref", true);
        f.flags("completion_filter", true, IrVocabulary.COMPLETION_FILTER);
        f.bool("watch_tree", false);
        f.nonNegative("output_length", false);
      }
    }
  }

  private static Long handleRange(FieldChecks f) {
    f.text("handle_ref", true);
    f.nonNegative("offset", true);
    return f.nonNegative("length", true);
  }

  /** An MS-FSCC information class, by name (e.g. FileBasicInformation) or number (1 to 255). */
  private static void infoClass(FieldChecks f, boolean required) {
    var v = f.get("info_class");
    if (v == null) {
      if (required) {
        f.error("info_class", "required field is missing");
      }
      return;
    }
    boolean byName = v.isTextual() && v.textValue().matches("[A-Za-z][A-Za-z0-9]*");
    boolean byNumber = v.isInt() && v.intValue() >= 1 && v.intValue() <= 255;
    if (!byName && !byNumber) {
      f.error("info_class", "must be a class name like \"FileBasicInformation\" or a number"
          + " 1-255, was " + FieldChecks.describe(v));
    }
  }

  /** Request payload: {@code input} hex bytes or {@code input_blob} file, not both. */
  private void input(FieldChecks f, boolean required) {
    boolean hex = f.has("input");
    boolean blob = f.has("input_blob");
    if (hex && blob) {
      f.error("input_blob", "give either 'input' (hex) or 'input_blob' (file), not both");
    } else if (!hex && !blob && required) {
      f.error("input", "required field is missing (or give 'input_blob', a file)");
    }
    f.hexBytes("input", false);
    blobs.check(f, "input_blob", f.text("input_blob", false), null);
  }
}
