package org.regionalexchange.gateway.printout;

/** Building the XHTML that {@link PdfPrinter} prints: text is always escaped, never markup. */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters are not allowed in XML; a name never needs them.
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A table row of label and value, or nothing when the value is absent. */
    public static String row(String label, String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        return "<tr><th>" + escape(label) + "</th><td>" + escape(value) + "</td></tr>\n";
    }
}
