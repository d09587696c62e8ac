package io.hirepipe.scoring.analysis;

import io.hirepipe.contracts.events.QuestionKind;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Facility, discrimination and option use of one question version.
 *
 * <p><b>Discrimination is the corrected item–total correlation</b>: Pearson's r between the item's points
 * and the rest score (the percent of the points on the sitting's other items), over every response.
 * For a right/wrong item that is the point-biserial correlation. Chosen over the upper–lower 27 % index
 * because it uses every response rather than discarding the middle 46 %, which matters at the few
 * dozen responses a question typically has; "corrected" because the item is left out of the total it
 * is compared with, so a short test does not flatter its own items. The rest score is a percent so that
 * sittings of a pooled test, with other questions and other maxima, can be compared.
 */
final class ItemStatistics {

    static final String DISCRIMINATION_METHOD = "CORRECTED_ITEM_TOTAL_CORRELATION";
    /** Discriminates poorly on enough responses to be sure of it. */
    static final String REVIEW_THIS_QUESTION = "REVIEW_THIS_QUESTION";
    static final String NEVER_CHOSEN_DISTRACTOR = "NEVER_CHOSEN_DISTRACTOR";
    /** Below this, a question "does not separate stronger from weaker candidates" (a common rule of thumb). */
    static final double LOW_DISCRIMINATION = 0.2;
    /** Below this many responses a low correlation is too uncertain to act on. */
    static final int RESPONSES_FOR_REVIEW = 30;
    /** Pearson's r of two or fewer points is always ±1 or undefined: it says nothing. */
    private static final int RESPONSES_FOR_DISCRIMINATION = 3;

    private ItemStatistics() {
    }

    /** One question version's answers, each with the sitting it came from. */
    record Response(Sitting.Answer answer, Sitting sitting) {
    }

    static ItemAnalysis analyse(List<Response> responses, ChoiceOptions options) {
        if (responses.isEmpty()) {
            throw new IllegalArgumentException("no responses to analyse");
        }
        Sitting.Answer first = responses.get(0).answer();
        int maxPoints = first.maxPoints();
        int n = responses.size();
        double meanPoints = responses.stream().mapToDouble(r -> r.answer().points()).average().orElse(0);
        Double facility = maxPoints > 0 ? meanPoints / maxPoints : null;
        Double discrimination = discrimination(responses);
        List<ItemAnalysis.OptionUse> optionUse = isChoice(first.kind()) ? optionUse(responses, options) : List.of();
        List<String> flags = new ArrayList<>();
        if (discrimination != null && discrimination < LOW_DISCRIMINATION && n >= RESPONSES_FOR_REVIEW) {
            flags.add(REVIEW_THIS_QUESTION);
        }
        if (optionUse.stream().anyMatch(ItemAnalysis.OptionUse::neverChosenDistractor)) {
            flags.add(NEVER_CHOSEN_DISTRACTOR);
        }
        int unanswered = (int) responses.stream().filter(r -> !r.answer().answered()).count();
        return new ItemAnalysis(first.questionId(), first.questionVersion(), first.kind(), first.title(), maxPoints,
                n, unanswered, meanPoints, facility, discrimination, DISCRIMINATION_METHOD, optionUse,
                List.copyOf(flags), pointsDistribution(responses));
    }

    private static List<ItemAnalysis.PointsCount> pointsDistribution(List<Response> responses) {
        Map<Double, Integer> counts = new TreeMap<>();
        for (Response response : responses) {
            counts.merge(Math.round(response.answer().points() * 100) / 100.0, 1, Integer::sum);
        }
        return counts.entrySet().stream().map(e -> new ItemAnalysis.PointsCount(e.getKey(), e.getValue())).toList();
    }

    private static Double discrimination(List<Response> responses) {
        List<double[]> pairs = new ArrayList<>();
        for (Response response : responses) {
            Double rest = response.sitting().restPercent(response.answer());
            if (rest != null) {
                pairs.add(new double[] {response.answer().points(), rest});
            }
        }
        if (pairs.size() < RESPONSES_FOR_DISCRIMINATION) {
            return null;
        }
        double[] item = pairs.stream().mapToDouble(p -> p[0]).toArray();
        double[] rest = pairs.stream().mapToDouble(p -> p[1]).toArray();
        // NaN when either side has no spread (everyone right, say): no correlation to speak of
        double r = new PearsonsCorrelation().correlation(item, rest);
        return Double.isNaN(r) ? null : r;
    }

    private static List<ItemAnalysis.OptionUse> optionUse(List<Response> responses, ChoiceOptions options) {
        Set<String> ids = new LinkedHashSet<>(options.optionIds());
        Map<String, Integer> picks = new LinkedHashMap<>();
        for (Response response : responses) {
            // a repeated id in one answer is one pick
            for (String picked : new LinkedHashSet<>(response.answer().selectedOptionIds())) {
                picks.merge(picked, 1, Integer::sum);
            }
        }
        ids.addAll(options.correctOptionIds());
        ids.addAll(picks.keySet());
        int n = responses.size();
        Set<String> correct = Set.copyOf(options.correctOptionIds());
        return ids.stream().map(id -> {
            int count = picks.getOrDefault(id, 0);
            boolean isCorrect = correct.contains(id);
            return new ItemAnalysis.OptionUse(id, options.texts().get(id), isCorrect, count, (double) count / n,
                    !isCorrect && count == 0);
        }).toList();
    }

    private static boolean isChoice(QuestionKind kind) {
        return kind == QuestionKind.SINGLE_CHOICE || kind == QuestionKind.MULTI_CHOICE;
    }
}
