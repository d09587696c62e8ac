package io.hirepipe.scoring.grading.eval;

import io.hirepipe.scoring.grading.eval.FreeTextEvaluation.Graded;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Two human graders of one answer set side by side, and the machine against each of them and against their mean.
 * It tells whether an answer style the machine over- or under-scores against the primary grades is one on which
 * the humans themselves disagree (then the machine's error there is partly the reference's), or not.
 */
final class SecondGraderComparison {

    /** Half grades (the two graders' mean) go on a 9-step scale as doubled grades. */
    private static final int HALF_GRADE_LEVELS = 2 * Agreement.GRADES - 1;

    private final List<Graded> graded;
    private final Map<String, Integer> second;

    /** {@code graded}: the machine's grades of the answers; {@code second}: the second grader's, by answer id. */
    SecondGraderComparison(List<Graded> graded, Map<String, Integer> second) {
        this.graded = graded.stream().filter(g -> second.containsKey(g.answer().id())).toList();
        this.second = second;
    }

    /** {@code label} names the answers compared, e.g. the probe set. */
    void appendTo(StringBuilder out, String label) {
        Agreement human = Agreement.of(graded.stream()
                .map(g -> new Agreement.Pair(g.answer().grade(), secondGrade(g))).toList());
        out.append(String.format("%nhuman pair, %s (primary vs second grader, blind): n=%d  QWK=%.3f  exact=%.1f%%  "
                        + "mean |difference|=%.2f grade steps%n",
                label, human.n(), human.qwk(), 100 * human.exactShare(), human.meanAbsoluteDifference()));
        out.append(human.confusionTable("primary", "second"));

        out.append("by category: second − primary in grade steps (mean, answers graded differently); "
                + "the machine's signed error in points of 100 vs primary / second / their mean:\n");
        Map<String, List<Graded>> byCategory = graded.stream()
                .collect(Collectors.groupingBy(g -> g.answer().category(), TreeMap::new, Collectors.toList()));
        byCategory.forEach((category, members) -> out.append(String.format(
                "  %-14s n=%2d  second−primary=%+5.2f  differ=%2d   machine %+6.1f / %+6.1f / %+6.1f%n",
                category, members.size(),
                members.stream().mapToInt(g -> secondGrade(g) - g.answer().grade()).average().orElse(0),
                members.stream().filter(g -> secondGrade(g) != g.answer().grade()).count(),
                signedError(members, SecondGraderComparison::primaryPercent),
                signedError(members, this::secondPercent),
                signedError(members, this::meanPercent))));

        out.append("the machine against each grader (MAE in points of 100; the graders' mean is a half grade, "
                + "percent = mean grade × 25, QWK on the half-grade scale):\n");
        Agreement vsPrimary = Agreement.of(graded.stream()
                .map(g -> new Agreement.Pair(g.answer().grade(), g.machineGrade())).toList());
        Agreement vsSecond = Agreement.of(graded.stream()
                .map(g -> new Agreement.Pair(secondGrade(g), g.machineGrade())).toList());
        Agreement vsMean = Agreement.of(graded.stream()
                .map(g -> new Agreement.Pair(g.answer().grade() + secondGrade(g), 2 * g.machineGrade())).toList(),
                HALF_GRADE_LEVELS);
        appendMachineLine(out, "vs primary", vsPrimary, SecondGraderComparison::primaryPercent);
        appendMachineLine(out, "vs second", vsSecond, this::secondPercent);
        appendMachineLine(out, "vs their mean", vsMean, this::meanPercent);
    }

    private void appendMachineLine(StringBuilder out, String label, Agreement agreement, ToDoubleFunction<Graded> reference) {
        out.append(String.format("  %-14s n=%d  QWK=%.3f  MAE=%.1f  signed=%+.1f%n", label, agreement.n(), agreement.qwk(),
                graded.stream().mapToDouble(g -> Math.abs(g.percent() - reference.applyAsDouble(g))).average().orElse(0),
                signedError(graded, reference)));
    }

    private static double signedError(List<Graded> members, ToDoubleFunction<Graded> reference) {
        return members.stream().mapToDouble(g -> g.percent() - reference.applyAsDouble(g)).average().orElse(0);
    }

    private int secondGrade(Graded g) {
        return second.get(g.answer().id());
    }

    private static double primaryPercent(Graded g) {
        return 25.0 * g.answer().grade();
    }

    private double secondPercent(Graded g) {
        return 25.0 * secondGrade(g);
    }

    private double meanPercent(Graded g) {
        return 12.5 * (g.answer().grade() + secondGrade(g));
    }
}
