package io.hirepipe.scoring.grading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contrary of a key point's reference: the same sentence with its one-sided words turned round ("with GraphQL the
 * client names the fields it wants" → "with GraphQL the server names the fields it wants"). A candidate who says the
 * opposite of a key point rarely uses a negation word ("the server decides the shape of the response", "a replica
 * confirms every write before the primary answers"); such a sentence is as close to the key point as a right one, since
 * it shares all its words but one, and only a comparison with the point's contrary shows which of the two it states.
 *
 * <p>A fixed list of general opposites, not of any rubric's terms. A pair is turned only when the reference uses one
 * side of it and not the other: a reference that names both sides contrasts them ("relational databases scale
 * vertically, NoSQL stores horizontally") and makes no one-sided claim on that pair. Nor is a pair turned that the
 * question's prompt names both sides of ("the difference between synchronous and asynchronous programming"): its
 * answers speak of both sides by design, and a right sentence about one side is no contradiction of the other's point.
 * A word directly followed by a particle ("slow down", "back up") is a phrasal verb, not a claim about speed or size:
 * it is no side's word, neither turned in a reference nor counted in an answer.
 */
public final class ContraryStatements {

    /** One pair of opposites: each side's word forms, and for each form the word that replaces it. */
    private record Opposition(Set<String> one, Set<String> other, Map<String, String> turned) {
    }

    /** One pair a contrary turned round: the side it brought in and the side it took out (lower case). */
    public record Turn(Set<String> broughtIn, Set<String> takenOut) {
    }

    /** The contrary of a text, and the pairs it turned round. */
    public record Contrary(String text, List<Turn> turns) {
    }

    private static final List<Opposition> OPPOSITIONS = List.of(
            opposition("client:server", "clients:servers"),
            opposition("synchronous:asynchronous", "synchronously:asynchronously", "sync:async"),
            opposition("fast:slow", "faster:slower", "fastest:slowest"),
            opposition("high:low", "higher:lower", "highest:lowest"),
            opposition("more:less", "more:fewer"),
            opposition("increase:decrease", "increases:decreases", "increased:decreased", "increasing:decreasing"),
            opposition("before:after"),
            opposition("stateless:stateful"),
            opposition("horizontal:vertical", "horizontally:vertically"),
            opposition("strong:weak", "stronger:weaker", "strongest:weakest", "strongly:weakly"),
            opposition("cheap:expensive", "cheaper:costlier", "cheap:costly"),
            opposition("large:small", "larger:smaller", "largest:smallest", "big:small", "bigger:smaller"),
            opposition("early:late", "earlier:later"),
            opposition("same:different"));

    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");

    /** A particle that makes the word before it a phrasal verb ("slow down"), when only spaces lie between them. */
    private static final Pattern PARTICLE_AFTER = Pattern.compile("\\s+(?:down|up|out|off|back|away)\\b",
            Pattern.CASE_INSENSITIVE);

    private ContraryStatements() {
    }

    /** The contrary of {@code text}, or empty when it uses no one-sided word of the list. */
    public static Optional<Contrary> of(String text) {
        return of(text, null);
    }

    /**
     * The contrary of a reference of a question whose prompt is {@code prompt} (may be null): no pair is turned that the
     * prompt names both sides of. Empty when the reference uses no other one-sided word of the list.
     */
    public static Optional<Contrary> of(String text, String prompt) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Set<String> words = sideWords(text);
        Set<String> promptWords = prompt == null ? Set.of() : sideWords(prompt);
        Map<String, String> replace = new HashMap<>();
        List<Turn> turns = new ArrayList<>();
        for (Opposition o : OPPOSITIONS) {
            boolean usesOne = o.one().stream().anyMatch(words::contains);
            boolean usesOther = o.other().stream().anyMatch(words::contains);
            boolean promptComparesThem = o.one().stream().anyMatch(promptWords::contains)
                    && o.other().stream().anyMatch(promptWords::contains);
            if (usesOne == usesOther || promptComparesThem) {
                continue;
            }
            Set<String> side = usesOne ? o.one() : o.other();
            Set<String> opposite = usesOne ? o.other() : o.one();
            side.stream().filter(words::contains).forEach(w -> replace.put(w, o.turned().get(w)));
            turns.add(new Turn(opposite, side));
        }
        if (replace.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = m.group();
            String by = phrasalVerb(text, m.end()) ? null : replace.get(word.toLowerCase(Locale.ROOT));
            m.appendReplacement(out, Matcher.quoteReplacement(by == null ? word : sameCase(word, by)));
        }
        m.appendTail(out);
        return Optional.of(new Contrary(out.toString(), List.copyOf(turns)));
    }

    /**
     * Whether {@code unit} uses the side of some pair that the contrary brought in and none of the side it took out:
     * it may state the contrary ("the server decides"), and does not contrast the two ("the client asks, the server
     * answers").
     */
    public static boolean speaksFor(Contrary contrary, String unit) {
        return speaksFor(contrary, sideWords(unit));
    }

    /** {@link #speaksFor(Contrary, String)} for a unit's {@link #sideWords}, taken once per unit. */
    public static boolean speaksFor(Contrary contrary, Set<String> words) {
        for (Turn turn : contrary.turns()) {
            if (turn.broughtIn().stream().anyMatch(words::contains) && turn.takenOut().stream().noneMatch(words::contains)) {
                return true;
            }
        }
        return false;
    }

    /** The lower-cased words of {@code text} that can be a side of a pair: all but a phrasal verb's ("slow down"). */
    public static Set<String> sideWords(String text) {
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            if (!phrasalVerb(text, m.end())) {
                words.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /** Whether the word ending at {@code end} is followed by a particle, as the verb of a phrasal verb is. */
    private static boolean phrasalVerb(String text, int end) {
        Matcher particle = PARTICLE_AFTER.matcher(text);
        return particle.region(end, text.length()).lookingAt();
    }

    private static String sameCase(String original, String replacement) {
        return Character.isUpperCase(original.charAt(0))
                ? Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1) : replacement;
    }

    /** A pair of opposites from "one:other" word forms; the first form given for a word is the one it turns into. */
    private static Opposition opposition(String... pairs) {
        Set<String> one = new HashSet<>();
        Set<String> other = new HashSet<>();
        Map<String, String> turned = new HashMap<>();
        for (String pair : pairs) {
            String a = pair.substring(0, pair.indexOf(':'));
            String b = pair.substring(pair.indexOf(':') + 1);
            one.add(a);
            other.add(b);
            turned.putIfAbsent(a, b);
            turned.putIfAbsent(b, a);
        }
        return new Opposition(Set.copyOf(one), Set.copyOf(other), Map.copyOf(turned));
    }
}
