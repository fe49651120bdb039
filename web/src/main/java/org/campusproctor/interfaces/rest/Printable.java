package org.campusproctor.interfaces.rest;

/** Text from a request made safe for one log line: control characters escaped, length bounded. */
final class Printable {

    private Printable() {
    }

    static String of(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(text.length(), max) + 16);
        for (int i = 0; i < text.length() && b.length() < max; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x2028 && c <= 0x202e)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return text.length() > max ? b.append("...").toString() : b.toString();
    }
}
