package io.hirepipe.notification.mail;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/** How values read in emails. One place, so both templates and subjects agree. */
final class MailFormats {

    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static final Pattern LINE_BREAKING = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}]+");

    private MailFormats() {
    }

    static String instant(Instant instant) {
        return instant == null ? "" : INSTANT.format(instant);
    }

    static String percent(double percent) {
        return String.format(Locale.ROOT, "%.1f%%", percent);
    }

    /** Points as people write them: whole points without decimals ("6"), others with what they need ("4.5", "2.25"). */
    static String points(BigDecimal points) {
        if (points == null) {
            return "0";
        }
        BigDecimal stripped = points.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    static String minutes(int minutes) {
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    /**
     * Subjects are built from user input (names, test titles): control characters such as CR/LF are
     * replaced so nothing can be smuggled into the header, and length is bounded.
     */
    static String subject(String subject) {
        String single = oneLine(subject);
        return single.length() > 200 ? single.substring(0, 199) + "…" : single;
    }

    /**
     * User input shown on one line (a header, a row of the plain-text report): control characters (NEL included)
     * and Unicode's line and paragraph separators, which some mail clients break lines at, become spaces.
     */
    static String oneLine(String value) {
        return LINE_BREAKING.matcher(value).replaceAll(" ").strip();
    }

    /**
     * A name, title or address as the emails show it: on one line (see {@link #oneLine}), or {@code fallback} when
     * there is nothing to show. Names come from whoever invited the candidate (an ATS may pass on what the candidate
     * typed), so a line break in one must not start a line of its own in the plain-text alternative, where it could
     * pass for a "Score:" or "Result:" line.
     */
    static String orDefault(String value, String fallback) {
        String single = value == null ? "" : oneLine(value);
        return single.isEmpty() ? fallback : single;
    }
}
