package io.hirepipe.scoring.grading;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Thresholds and weights of the semantic grader, under {@code hirepipe.grading.semantic} in
 * application.yml (each overridable by an environment variable). The values there were chosen by
 * the grid search of the dev-set evaluation (FreeTextEvaluation) on the tune half only.
 *
 * @param contrast              how much of a unit's mean cosine to the other key points is taken off its
 *                              cosine to this one
 * @param similarityFloor       contrasted cosine at or below which a unit is no semantic evidence at all
 * @param similarityCeiling     cosine at or above which a unit is full semantic evidence
 * @param phraseWeight          evidence added when one of the key point's phrases occurs in the unit
 * @param supportWeight         share of the next best non-overlapping unit's evidence added to the best one
 * @param metAt                 evidence from which a key point is MET (full credit)
 * @param partlyMetAt           evidence from which a key point is PARTLY_MET (partlyMetCredit)
 * @param misconceptionAt       cosine from which a unit states a misconception
 * @param offTopicBelow         an answer whose units all stay below this cosine to the prompt and key
 *                              points, and that uses none of their phrases, is off topic
 * @param keywordListMinWords   shorter answers are never called keyword lists
 * @param keywordListMinListShare          a keyword list has at least this share of its words in list-like
 *                                         sentences ({@link KeywordListDetector})
 * @param keywordListMaxFunctionWordShare  or fewer function words than this share overall
 * @param keywordListMinRubricTermShare    and at least this share of rubric terms
 * @param keywordListCap        share of the item's points a keyword list can earn at most
 * @param lowConfidenceBelow    confidence under which an item needs review
 * @param nearThresholdWithin   percent points: a score this close to a 0–4 band boundary needs review
 * @param holisticWeight        how far the whole answer's closeness to the rubric may complete key points
 *                              that are only partly met (0: not at all; see {@link SemanticGradingPolicy})
 * @param holisticFloor         whole-answer cosine to the rubric at or below which it lifts nothing
 * @param holisticCeiling       whole-answer cosine from which it counts in full
 * @param calibration           the percent given for a credit of 0, 25, 50, 75 and 100 % of the points, linear in
 *                              between and non-decreasing (see {@link SemanticGradingPolicy}); absent: unchanged
 * @param partlyMetCredit       share of a key point's points that PARTLY_MET earns (0.5 if absent)
 * @param bandPull              how far a score moves toward the centre of its 0–4 band (0: not at all, 1: to it;
 *                              see {@link SemanticGradingPolicy}); 0 if absent
 * @param engagedWrongFloor     percent given, at least, to an answer that takes up the rubric wrongly: it states
 *                              a listed misconception or denies a key point by name (see
 *                              {@link SemanticGradingPolicy}); 0 (no floor) if absent
 * @param promptEchoShare       a unit at least this share of whose terms are words of the prompt only echoes the
 *                              question and is evidence for no key point (see {@link SemanticGradingPolicy});
 *                              0 (off) if absent
 * @param clauseNoise           the spread of a clause's contrasted cosine to a key point it does not make: the best of
 *                              an answer's n units is discounted by clauseNoise * (sqrt(2 ln n) - sqrt(2 ln n0)), how
 *                              much more the best of n such noisy cosines exceeds by chance than the best of n0 (see
 *                              {@link SemanticGradingPolicy}); 0 (off) if absent
 * @param clauseNoiseFrom       n0: the number of units of an answer the thresholds were fitted on, from which the
 *                              clause-count discount starts (1 if absent)
 * @param hedgedEvidenceCap     the most evidence a unit of a hedged sentence ("I think it might be …") gives a key
 *                              point on its own (see {@link SemanticGradingPolicy}); absent: no cap
 * @param unitOnTopicAt         a unit whose cosine to the prompt and to every key-point reference stays below this is
 *                              about something else and is no semantic evidence for any key point (its phrases still
 *                              count; see {@link SemanticGradingPolicy}); 0 (off) if absent
 * @param floorExemptionMargin  a unit under unitOnTopicAt still counts for key point k when its cosine to k exceeds its
 *                              cosine to the prompt by at least this much (see {@link SemanticGradingPolicy}); absent:
 *                              no exemption
 * @param reviewOnTopicShareBelow an item of grade 2 or more of whose units fewer than this share are on topic (see
 *                              unitOnTopicAt) needs review: its grade rests on a minority of the answer (see
 *                              {@link SemanticGradingPolicy}); 0 (off) if absent
 * @param reviewOffTopicFromWords an answer scored off topic that has at least this many words needs review (its score
 *                              stays 0; see {@link SemanticGradingPolicy}); 0 (off) if absent
 * @param neighbourMargin       a unit over unitOnTopicAt whose cosine to another question ({@link NeighbouringQuestions})
 *                              exceeds its highest cosine to this question's prompt and key-point references by at least
 *                              this much answers that question and is no semantic evidence here, unless the floor
 *                              exemption holds (see {@link SemanticGradingPolicy}); absent: off
 */
@ConfigurationProperties("hirepipe.grading.semantic")
public record SemanticGradingSettings(double contrast, double similarityFloor, double similarityCeiling, double phraseWeight,
                                      double supportWeight,
                                      double metAt, double partlyMetAt, double misconceptionAt,
                                      double offTopicBelow, int keywordListMinWords, double keywordListMinListShare,
                                      double keywordListMaxFunctionWordShare, double keywordListMinRubricTermShare,
                                      double keywordListCap, double lowConfidenceBelow, double nearThresholdWithin,
                                      double holisticWeight, double holisticFloor, double holisticCeiling,
                                      List<Double> calibration, Double partlyMetCredit, Double bandPull,
                                      Double engagedWrongFloor, Double promptEchoShare,
                                      Double clauseNoise, Double clauseNoiseFrom, Double hedgedEvidenceCap,
                                      Double unitOnTopicAt, Double floorExemptionMargin,
                                      Double reviewOnTopicShareBelow, Integer reviewOffTopicFromWords,
                                      Double neighbourMargin) {

    /** The calibration that changes nothing. */
    public static final List<Double> IDENTITY = List.of(0.0, 25.0, 50.0, 75.0, 100.0);

    public SemanticGradingSettings {
        partlyMetCredit = partlyMetCredit == null ? 0.5 : partlyMetCredit;
        bandPull = bandPull == null ? 0.0 : bandPull;
        engagedWrongFloor = engagedWrongFloor == null ? 0.0 : engagedWrongFloor;
        promptEchoShare = promptEchoShare == null ? 0.0 : promptEchoShare;
        clauseNoise = clauseNoise == null ? 0.0 : clauseNoise;
        clauseNoiseFrom = clauseNoiseFrom == null ? 1.0 : clauseNoiseFrom;
        hedgedEvidenceCap = hedgedEvidenceCap == null ? Double.POSITIVE_INFINITY : hedgedEvidenceCap;
        unitOnTopicAt = unitOnTopicAt == null ? 0.0 : unitOnTopicAt;
        floorExemptionMargin = floorExemptionMargin == null ? Double.POSITIVE_INFINITY : floorExemptionMargin;
        reviewOnTopicShareBelow = reviewOnTopicShareBelow == null ? 0.0 : reviewOnTopicShareBelow;
        reviewOffTopicFromWords = reviewOffTopicFromWords == null ? 0 : reviewOffTopicFromWords;
        neighbourMargin = neighbourMargin == null ? Double.POSITIVE_INFINITY : neighbourMargin;
        if (neighbourMargin < 0) {
            throw new IllegalArgumentException("neighbour-margin must not be a negative cosine difference");
        }
        if (reviewOffTopicFromWords < 0) {
            throw new IllegalArgumentException("review-off-topic-from-words must not be negative");
        }
        if (reviewOnTopicShareBelow < 0 || reviewOnTopicShareBelow > 1) {
            throw new IllegalArgumentException("review-on-topic-share-below must lie between 0 and 1");
        }
        if (floorExemptionMargin <= 0) {
            throw new IllegalArgumentException("floor-exemption-margin must be a positive cosine difference");
        }
        if (unitOnTopicAt < 0 || unitOnTopicAt > 1) {
            throw new IllegalArgumentException("unit-on-topic-at must be a cosine between 0 and 1");
        }
        if (hedgedEvidenceCap < 0) {
            throw new IllegalArgumentException("hedged-evidence-cap must not be negative");
        }
        if (clauseNoiseFrom < 1) {
            throw new IllegalArgumentException("clause-noise-from must be at least 1 (units)");
        }
        if (clauseNoise < 0) {
            throw new IllegalArgumentException("clause-noise must not be negative");
        }
        if (promptEchoShare < 0 || promptEchoShare > 1) {
            throw new IllegalArgumentException("prompt-echo-share must lie between 0 and 1");
        }
        if (engagedWrongFloor < 0 || engagedWrongFloor > 100) {
            throw new IllegalArgumentException("engaged-wrong-floor must be a percentage, 0 to 100");
        }
        if (bandPull < 0 || bandPull > 1) {
            throw new IllegalArgumentException("band-pull must lie between 0 and 1");
        }
        if (partlyMetCredit < 0 || partlyMetCredit > 1) {
            throw new IllegalArgumentException("partly-met-credit must lie between 0 and 1");
        }
        calibration = calibration == null || calibration.isEmpty() ? IDENTITY : List.copyOf(calibration);
        if (calibration.size() != IDENTITY.size()) {
            throw new IllegalArgumentException("calibration needs 5 percentages: for a credit of 0, 25, 50, 75 and 100 %");
        }
        for (int i = 0; i < calibration.size(); i++) {
            if (calibration.get(i) < 0 || calibration.get(i) > 100 || (i > 0 && calibration.get(i) < calibration.get(i - 1))) {
                throw new IllegalArgumentException("calibration must be non-decreasing percentages, 0 to 100: " + calibration);
            }
        }
        if (similarityCeiling <= similarityFloor) {
            throw new IllegalArgumentException("similarity-ceiling must be above similarity-floor");
        }
        if (partlyMetAt > metAt) {
            throw new IllegalArgumentException("partly-met-at must not be above met-at");
        }
        if (holisticWeight > 0 && holisticCeiling <= holisticFloor) {
            throw new IllegalArgumentException("holistic-ceiling must be above holistic-floor");
        }
    }

    public SemanticGradingSettings withEvidence(double contrast, double floor, double ceiling, double phrase,
                                                double support, double met, double partly) {
        return new SemanticGradingSettings(contrast, floor, ceiling, phrase, support, met, partly, misconceptionAt, offTopicBelow,
                keywordListMinWords, keywordListMinListShare, keywordListMaxFunctionWordShare, keywordListMinRubricTermShare, keywordListCap,
                lowConfidenceBelow, nearThresholdWithin, holisticWeight, holisticFloor, holisticCeiling, calibration, partlyMetCredit, bandPull,
                engagedWrongFloor, promptEchoShare, clauseNoise, clauseNoiseFrom, hedgedEvidenceCap, unitOnTopicAt, floorExemptionMargin,
                reviewOnTopicShareBelow, reviewOffTopicFromWords, neighbourMargin);
    }

    public SemanticGradingSettings withGates(double misconception, double offTopic, double keywordCap) {
        return new SemanticGradingSettings(contrast, similarityFloor, similarityCeiling, phraseWeight, supportWeight,
                metAt, partlyMetAt,
                misconception, offTopic, keywordListMinWords, keywordListMinListShare, keywordListMaxFunctionWordShare,
                keywordListMinRubricTermShare, keywordCap, lowConfidenceBelow, nearThresholdWithin, holisticWeight,
                holisticFloor, holisticCeiling, calibration, partlyMetCredit, bandPull,
                engagedWrongFloor, promptEchoShare, clauseNoise, clauseNoiseFrom, hedgedEvidenceCap, unitOnTopicAt, floorExemptionMargin,
                reviewOnTopicShareBelow, reviewOffTopicFromWords, neighbourMargin);
    }

    public SemanticGradingSettings withHolistic(double weight, double floor, double ceiling) {
        return new SemanticGradingSettings(contrast, similarityFloor, similarityCeiling, phraseWeight, supportWeight,
                metAt, partlyMetAt, misconceptionAt, offTopicBelow, keywordListMinWords, keywordListMinListShare,
                keywordListMaxFunctionWordShare, keywordListMinRubricTermShare, keywordListCap, lowConfidenceBelow,
                nearThresholdWithin, weight, floor, ceiling, calibration, partlyMetCredit, bandPull,
                engagedWrongFloor, promptEchoShare, clauseNoise, clauseNoiseFrom, hedgedEvidenceCap, unitOnTopicAt, floorExemptionMargin,
                reviewOnTopicShareBelow, reviewOffTopicFromWords, neighbourMargin);
    }

    public SemanticGradingSettings withReview(double lowConfidence, double nearThreshold) {
        return withReview(lowConfidence, nearThreshold, reviewOnTopicShareBelow, reviewOffTopicFromWords);
    }

    public SemanticGradingSettings withReview(double lowConfidence, double nearThreshold, double onTopicShareBelow,
                                              int offTopicFromWords) {
        return new SemanticGradingSettings(contrast, similarityFloor, similarityCeiling, phraseWeight, supportWeight,
                metAt, partlyMetAt, misconceptionAt, offTopicBelow, keywordListMinWords, keywordListMinListShare,
                keywordListMaxFunctionWordShare, keywordListMinRubricTermShare, keywordListCap, lowConfidence,
                nearThreshold, holisticWeight, holisticFloor, holisticCeiling, calibration, partlyMetCredit, bandPull,
                engagedWrongFloor, promptEchoShare, clauseNoise, clauseNoiseFrom, hedgedEvidenceCap, unitOnTopicAt, floorExemptionMargin,
                onTopicShareBelow, offTopicFromWords, neighbourMargin);
    }

    public SemanticGradingSettings withCalibration(List<Double> percentAtCredit) {
        return withScoreShaping(percentAtCredit, partlyMetCredit, bandPull, engagedWrongFloor);
    }

    public SemanticGradingSettings withPartlyMetCredit(double partlyMet) {
        return withScoreShaping(calibration, partlyMet, bandPull, engagedWrongFloor);
    }

    public SemanticGradingSettings withBandPull(double pull) {
        return withScoreShaping(calibration, partlyMetCredit, pull, engagedWrongFloor);
    }

    public SemanticGradingSettings withEngagedWrongFloor(double percent) {
        return withScoreShaping(calibration, partlyMetCredit, bandPull, percent);
    }

    /** These settings with other values for the four that shape the score after the evidence. */
    private SemanticGradingSettings withScoreShaping(List<Double> percentAtCredit, double partlyMet, double pull,
                                                     double floor) {
        return new SemanticGradingSettings(contrast, similarityFloor, similarityCeiling, phraseWeight, supportWeight,
                metAt, partlyMetAt, misconceptionAt, offTopicBelow, keywordListMinWords, keywordListMinListShare,
                keywordListMaxFunctionWordShare, keywordListMinRubricTermShare, keywordListCap, lowConfidenceBelow,
                nearThresholdWithin, holisticWeight, holisticFloor, holisticCeiling, percentAtCredit, partlyMet, pull,
                floor, promptEchoShare, clauseNoise, clauseNoiseFrom, hedgedEvidenceCap, unitOnTopicAt, floorExemptionMargin,
                reviewOnTopicShareBelow, reviewOffTopicFromWords, neighbourMargin);
    }

    public SemanticGradingSettings withPromptEchoShare(double echoShare) {
        return withUnitRules(echoShare, clauseNoise, clauseNoiseFrom, hedgedEvidenceCap, unitOnTopicAt, floorExemptionMargin);
    }

    public SemanticGradingSettings withClauseNoise(double noise, double from) {
        return withUnitRules(promptEchoShare, noise, from, hedgedEvidenceCap, unitOnTopicAt, floorExemptionMargin);
    }

    public SemanticGradingSettings withHedgedEvidenceCap(double cap) {
        return withUnitRules(promptEchoShare, clauseNoise, clauseNoiseFrom, cap, unitOnTopicAt, floorExemptionMargin);
    }

    public SemanticGradingSettings withUnitOnTopicAt(double cosine) {
        return withUnitRules(promptEchoShare, clauseNoise, clauseNoiseFrom, hedgedEvidenceCap, cosine, floorExemptionMargin);
    }

    public SemanticGradingSettings withFloorExemptionMargin(double margin) {
        return withUnitRules(promptEchoShare, clauseNoise, clauseNoiseFrom, hedgedEvidenceCap, unitOnTopicAt, margin);
    }

    /** These settings with other values for the six that decide what a unit of the answer may count for. */
    private SemanticGradingSettings withUnitRules(double echoShare, double noise, double from, double hedgeCap,
                                                  double onTopicAt, double exemptionMargin) {
        return new SemanticGradingSettings(contrast, similarityFloor, similarityCeiling, phraseWeight, supportWeight,
                metAt, partlyMetAt, misconceptionAt, offTopicBelow, keywordListMinWords, keywordListMinListShare,
                keywordListMaxFunctionWordShare, keywordListMinRubricTermShare, keywordListCap, lowConfidenceBelow,
                nearThresholdWithin, holisticWeight, holisticFloor, holisticCeiling, calibration, partlyMetCredit, bandPull,
                engagedWrongFloor, echoShare, noise, from, hedgeCap, onTopicAt, exemptionMargin, reviewOnTopicShareBelow,
                reviewOffTopicFromWords, neighbourMargin);
    }

    public SemanticGradingSettings withNeighbourMargin(double margin) {
        return new SemanticGradingSettings(contrast, similarityFloor, similarityCeiling, phraseWeight, supportWeight,
                metAt, partlyMetAt, misconceptionAt, offTopicBelow, keywordListMinWords, keywordListMinListShare,
                keywordListMaxFunctionWordShare, keywordListMinRubricTermShare, keywordListCap, lowConfidenceBelow,
                nearThresholdWithin, holisticWeight, holisticFloor, holisticCeiling, calibration, partlyMetCredit, bandPull,
                engagedWrongFloor, promptEchoShare, clauseNoise, clauseNoiseFrom, hedgedEvidenceCap, unitOnTopicAt,
                floorExemptionMargin, reviewOnTopicShareBelow, reviewOffTopicFromWords, margin);
    }
}
