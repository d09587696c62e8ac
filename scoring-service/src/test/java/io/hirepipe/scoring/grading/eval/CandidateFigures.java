package io.hirepipe.scoring.grading.eval;

import io.hirepipe.scoring.grading.SemanticGradingSettings;
import io.hirepipe.scoring.grading.eval.DevSet.Split;
import io.hirepipe.scoring.grading.eval.FreeTextEvaluation.Graded;

import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The figures a sweep prints per candidate setting: the tune half, its two folds (six questions each) and the probe
 * set; never the test half. Each answer's evidence is measured once, so a whole range of settings costs one pass of
 * the model over each set.
 */
final class CandidateFigures {

    private final SemanticGradingSettings settings = FreeTextEvaluation.applicationSettings();
    private final FreeTextEvaluation dev;
    private final FreeTextEvaluation probe;

    CandidateFigures() {
        this(DevSet.load(), DevSet.probeSet());
    }

    /** Figures for these sets: the dev set and the probe set, or copies of them with changed rubrics. */
    CandidateFigures(DevSet devSet, DevSet probeSet) {
        dev = new FreeTextEvaluation(devSet, settings);
        probe = new FreeTextEvaluation(probeSet, settings);
    }

    /** The settings in application.yml, from which candidates are made. */
    SemanticGradingSettings settings() {
        return settings;
    }

    FreeTextEvaluation dev() {
        return dev;
    }

    FreeTextEvaluation probe() {
        return probe;
    }

    void append(StringBuilder out, String label, SemanticGradingSettings candidate) {
        List<Graded> tune = dev.evaluate(Split.TUNE, candidate).graded();
        List<String> questions = tune.stream().map(g -> g.answer().questionKey()).distinct().sorted().toList();
        out.append(label).append(String.format("%n  tune   %s%n", FreeTextCrossValidation.figures(tune)));
        FreeTextCrossValidation.appendFirstWrittenAndAdded(out, tune, "    ");
        for (int fold = 0; fold < 2; fold++) {
            int f = fold;
            out.append(String.format("  fold %s %s%n", "AB".charAt(fold), FreeTextCrossValidation.figures(
                    tune.stream().filter(g -> questions.indexOf(g.answer().questionKey()) % 2 == f).toList())));
        }
        appendByKind(out, "  tune by kind (signed error / wrong):", tune);
        List<Graded> probed = probe.evaluate(Split.PROBE, candidate).graded();
        out.append(String.format("  probe  %s%n", FreeTextCrossValidation.figures(probed)));
        appendByKind(out, "  probe by kind (signed error / wrong):", probed);
    }

    private static void appendByKind(StringBuilder out, String title, List<Graded> graded) {
        out.append(title);
        graded.stream().collect(Collectors.groupingBy(g -> g.answer().category(), TreeMap::new, Collectors.toList()))
                .forEach((kind, members) -> out.append(String.format(" %s %+.1f/%d", kind,
                        members.stream().mapToDouble(g -> g.percent() - 25.0 * g.answer().grade()).average().orElse(0),
                        members.stream().filter(g -> g.machineGrade() != g.answer().grade()).count())));
        out.append('\n');
    }
}
