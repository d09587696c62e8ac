package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.AnswerSegmenter.Span;
import io.hirepipe.scoring.grading.RubricEmbeddings.Phrase;
import io.hirepipe.scoring.grading.RubricEmbeddings.Target;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the key points an answer sets aside ({@link Dismissals}). What the candidate sets aside makes no point: a unit
 * that takes away what a key point recommends having ("once it works we remove the timeouts") is read as a denial of it
 * and takes back the answer's earlier statements of it, and a unit that calls it optional ("a circuit breaker is
 * optional") is no evidence for it. Thread-safe.
 */
final class DismissedKeyPoints {

    /** Words that say which or how much of a thing is set aside, not what: "remove all our dedupe code again". */
    private static final String UNSPECIFIC_WORDS = "all any our its your every each those my some whole entire again later"
            + " too also now anyway altogether entirely completely everywhere code logic layer step check config"
            + " configuration extra extras thing things stuff part just really simply";

    /** A key point that explains a problem or names things ("Explains the stampede: …", "Names a pitfall: …"). */
    private static final Pattern EXPLAINS = Pattern.compile("^\\s*(?:explains|names|describes|mentions|says|discusses|gives)\\b",
            Pattern.CASE_INSENSITIVE);

    /** Words of taking away or doing without: a key point that uses them is about removing something. */
    private static final Pattern REMOVAL_WORDS = Pattern.compile("\\b(?:remov|drop|delet|evict|invalidat|revok|purg|avoid"
            + "|without|disabl|discard|shed|eliminat|turn\\w*\\s+(?:\\S+\\s+)?off)", Pattern.CASE_INSENSITIVE);

    private static final Pattern OPTIONAL_WORDS = Pattern.compile("\\b(?:optional|skip)", Pattern.CASE_INSENSITIVE);

    private final RubricMatcher analyser;
    private final NegationDetector negation;
    private final Set<String> unspecificWords;

    DismissedKeyPoints(RubricMatcher analyser, NegationDetector negation) {
        this.analyser = analyser;
        this.negation = negation;
        this.unspecificWords = analyser.terms(UNSPECIFIC_WORDS);
    }

    /**
     * [key point][unit] whether the unit sets the key point aside ({@link Dismissals}), or states it before a later unit
     * takes it away; and whether any unit takes a key point away.
     */
    record Dismissed(boolean[][] points, boolean[] removing, List<Set<String>> removedWords) {
    }

    /**
     * A dismissal that names key points ({@link #namedDismissals}).
     *
     * @param named     its words, without the unspecific ones
     * @param points    the key points it sets aside
     * @param takesBack of those, the ones whose earlier statements it takes back as a denial by a negation word
     */
    record NamedDismissal(Dismissals.Dismissal dismissal, Set<String> named, List<Integer> points,
                          List<Integer> takesBack) {
    }

    /** Whether one of the unit's dismissals takes away a key point: a denial of it, as "no timeouts" would be. */
    static boolean removes(List<NamedDismissal> dismissals) {
        return dismissals.stream().anyMatch(d -> d.dismissal().removal() && !d.points().isEmpty());
    }

    /**
     * The key points the answer sets aside. A dismissal names a key point when its words are that point's positive phrase
     * and nothing else of substance ("the timeouts", "our dedupe code"): "drop the infinite retries" names a
     * misconception, "remove the 30-second timeout" one setting, and neither sets the point aside. Taking a thing away
     * is a denial of the point that recommends having it (the engaged-wrong floor's "denies a key point"), and the
     * answer's earlier statements of that point are taken back with it: "Every call gets a timeout … Once it works we
     * remove the timeouts" ends with no timeouts. It is no denial of a point that is about taking things away or
     * explaining a problem (invalidating on write, shedding load, explaining the stampede): "delete the key on update",
     * "get rid of the stampede" make those points, so such a point is never set aside by a removal; nor is a point by a
     * removal from some cases only ({@link #restricted}). Saying by a negation word that a thing is not needed, in
     * every case and as the answer's own claim, takes back the earlier statements of a point that recommends having it
     * the same way ("Every call gets a timeout … Timeouts are not needed once it works"). Calling a thing
     * optional only keeps the unit from making its point, and never for a point that is itself about something optional
     * ("the new field is optional, so old clients keep working").
     */
    Dismissed dismissed(int keyPoints, List<Span> units, List<String> readAs, List<List<NamedDismissal>> dismissals) {
        boolean[][] points = new boolean[keyPoints][units.size()];
        boolean[] removing = new boolean[units.size()];
        List<Set<String>> removedWords = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            removedWords.add(new HashSet<>());
            for (NamedDismissal nd : dismissals.get(u)) {
                Dismissals.Dismissal d = nd.dismissal();
                // where the dismissal lies in the answer; a positive part is read without its denials, so its sentence start
                int at = units.get(u).start() + (readAs.get(u).equals(units.get(u).text()) ? d.start() : 0);
                for (int k : nd.points()) {
                    points[k][u] = true;
                    if (d.removal()) {
                        removing[u] = true;
                        removedWords.get(u).addAll(nd.named());
                    }
                    if (d.removal() || nd.takesBack().contains(k)) {
                        for (int c = 0; c < units.size(); c++) {
                            points[k][c] |= units.get(c).end() <= at;
                        }
                    }
                }
            }
        }
        return new Dismissed(points, removing, removedWords);
    }

    /**
     * [unit, from {@code from} on] the unit's dismissals that name key points it sets aside: read once per unit, before
     * the positive parts are cut (a removal is a denial) and for the parts after.
     */
    List<List<NamedDismissal>> namedDismissals(RubricEmbeddings rubric, List<String> readAs, int from) {
        List<Target> keyPoints = rubric.keyPoints();
        List<List<NamedDismissal>> all = new ArrayList<>();
        for (int u = from; u < readAs.size(); u++) {
            List<NamedDismissal> found = new ArrayList<>();
            for (Dismissals.Dismissal d : Dismissals.in(readAs.get(u), negation)) {
                Set<String> named = analyser.terms(d.named());
                named.removeAll(unspecificWords);
                Set<String> phraseTerms = new HashSet<>();
                List<Integer> namedPoints = new ArrayList<>();
                for (int k = 0; k < keyPoints.size(); k++) {
                    for (Phrase phrase : keyPoints.get(k).phrases()) {
                        if (!phrase.negated() && named.containsAll(phrase.terms())) {
                            phraseTerms.addAll(phrase.terms());
                            namedPoints.add(k);
                        }
                    }
                }
                boolean restricted = restricted(d, rubric);
                if (named.isEmpty() || !phraseTerms.containsAll(named) || d.removal() && restricted) {
                    continue;
                }
                // "Timeouts are not needed once it works" is the candidate's last word on timeouts, as a removal would be;
                // "you don't need jitter when only one key expires" refines the point, and "it is a myth that timeouts
                // are not needed" argues for it
                boolean deniedForGood = d.denial() && !restricted && negation.isDenied(readAs.get(u));
                List<Integer> points = new ArrayList<>();
                List<Integer> takesBack = new ArrayList<>();
                for (int k : namedPoints) {
                    FreeTextRubric.Point point = rubric.rubric().keyPoints().get(k);
                    if (d.removal() ? !recommendsHaving(point) : aboutSomethingOptional(point)) {
                        continue;
                    }
                    points.add(k);
                    if (deniedForGood && recommendsHaving(point)) {
                        takesBack.add(k);
                    }
                }
                found.add(new NamedDismissal(d, named, points, takesBack));
            }
            all.add(found);
        }
        return all;
    }

    /**
     * Whether the removal applies to some of what the question is about only ("turn off the cache for the admin pages",
     * "disable retries on POST unless the request carries an idempotency key"): its restriction names something besides
     * the prompt's words. "Turn off retries for payments" and "disable the cache during the spike" restrict it to the
     * question's own matter, which is no restriction.
     */
    private boolean restricted(Dismissals.Dismissal removal, RubricEmbeddings rubric) {
        Set<String> restriction = analyser.terms(removal.restriction());
        restriction.removeAll(unspecificWords);
        restriction.removeAll(rubric.promptTerms());
        return !restriction.isEmpty();
    }

    /** Whether the key point recommends having something, so that taking it away denies it (see {@link #dismissed}). */
    private static boolean recommendsHaving(FreeTextRubric.Point point) {
        // the description's first word says what the point does; the rest may give its purpose ("… to avoid cascading
        // failure"), which is no removal the point recommends
        String does = point.description().strip().split("\\s+", 2)[0];
        return !EXPLAINS.matcher(point.description()).find()
                && !REMOVAL_WORDS.matcher(does + " ; " + String.join(" ; ", point.examples()) + " ; "
                + String.join(" ; ", point.phrases())).find();
    }

    /** Whether the key point's own words call something optional or skipped ("a new optional field"). */
    private static boolean aboutSomethingOptional(FreeTextRubric.Point point) {
        return OPTIONAL_WORDS.matcher(wordsOf(point)).find();
    }

    private static String wordsOf(FreeTextRubric.Point point) {
        return String.join(" ; ", point.description(), String.join(" ; ", point.examples()),
                String.join(" ; ", point.phrases()));
    }
}
