package io.hirepipe.defaults.web;

/**
 * Keeps text a someone typed (a name like {@code =HYPERLINK(...)}) from running as a formula when
 * the export is opened in a spreadsheet: a cell starting with {@code = + - @}, a tab or a carriage
 * return gets a leading apostrophe, which spreadsheets show as text (OWASP's CSV injection advice).
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }
}
