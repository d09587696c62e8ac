package io.hirepipe.scoring.grading;

import java.util.regex.Pattern;

/**
 * What a candidate names only to set it against what they say: "Unlike a circuit breaker, a timeout stops a slow call
 * …", "a lock, unlike a shorter TTL, lets one request recompute the value", "as opposed to jitter". The thing after
 * "unlike", "as opposed to" or "in contrast to" is neither proposed nor explained there, so its words state no key point
 * and no misconception by a phrase; a clause made of nothing else ("Unlike a circuit breaker") states nothing at all.
 *
 * <p>The contrast runs to punctuation, a dash, or a word that opens a clause of its own ("unlike SQL databases, which
 * scale up, …" leaves "which scale up" to be read: it says something about the contrasted thing). "and" and "or" do not
 * end it: "unlike retries and timeouts" names both. Stateless and thread-safe.
 */
final class NamedContrasts {

    private static final Pattern CONTRAST = Pattern.compile(
            "(?<!\\bnot\\s)\\b(?:unlike|as\\s+opposed\\s+to|in\\s+contrast\\s+to)\\b"
                    + ".*?(?=[,;:()!?.\\n]|\\s[-–—]+\\s|\\s(?:but|so|because|while|whereas|which|that|who|then|since)\\b|$)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    private NamedContrasts() {
    }

    /** {@code text} with the things it names only as a contrast left out. */
    static String cut(String text) {
        return CONTRAST.matcher(text).replaceAll(" ");
    }

    /** Whether {@code text} is nothing but a contrast: "Unlike a circuit breaker". */
    static boolean only(String text) {
        String cut = cut(text);
        return !cut.equals(text) && nothingLeft(cut);
    }

    /** Whether what {@link #cut} left of a text holds no word. */
    static boolean nothingLeft(String cut) {
        return !LETTER.matcher(cut).find();
    }
}
