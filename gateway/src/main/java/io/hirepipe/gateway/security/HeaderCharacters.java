package io.hirepipe.gateway.security;

/**
 * The firewall's rule for header names and values, as Spring Security's defaults state it (every character
 * assigned and none a control character; values may hold a tab), without a regular expression: the firewall
 * checks each header every time anything reads it, which made the regex a visible share of a proxied request.
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    static boolean allowedName(String name) {
        return allowed(name, false);
    }

    static boolean allowedValue(String value) {
        return allowed(value, true);
    }

    /** {@code null} is an absent header (the firewall asks about every read, found or not): nothing to refuse. */
    private static boolean allowed(String text, boolean tabAllowed) {
        if (text == null) {
            return true;
        }
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c >= ' ' && c < 0x7f) {
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tabAllowed && codePoint == '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
