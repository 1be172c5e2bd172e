package io.smbench.engine.report.html;

/**
 * Escaping for text and attribute values. Report strings come from captures (paths, op_ids,
 * client names), so none is trusted: every one goes through {@link #text} before it reaches the page.
 */
final class Html {
    private Html() {}

    /** {@code value} safe as element text and as a double- or single-quoted attribute value. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters (other than tab and line breaks) are not allowed in HTML text.
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
