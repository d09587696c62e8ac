package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.AnswerSegmenter.Span;

import java.util.List;

/**
 * Hand-made {@link AnswerEvidence} for policy tests: a test names only the measures its rule reads, and every other
 * one is left unmeasured, which the record fills with its neutral default.
 */
final class EvidenceBuilder {

    /** Forty words, 40 % function words, not a list: an ordinary prose answer to the keyword-list detector. */
    private static final KeywordListDetector.Signals PROSE = new KeywordListDetector.Signals(40, 0.4, 0, 0.2, true);

    private String answer;
    private List<Span> units;
    private boolean[] negated;
    private double[][] keyPointSimilarity;
    private boolean[][] keyPointPhrase;
    private double[][] misconceptionSimilarity = new double[0][];
    private boolean[][] misconceptionPhrase = new boolean[0][];
    private double topicality = 0.9;
    private KeywordListDetector.Signals signals = PROSE;
    private boolean truncated;
    private double holistic;
    private boolean deniesKeyPoint;
    private double[] promptEcho;
    private boolean[] hedged;
    private double[] unitTopicality;
    private double[] promptSimilarity;
    private double[] otherQuestionSimilarity;
    private boolean[][] keyPointContradicted;
    private boolean[][] statedInOtherWords;
    private double[][] eitherPolaritySimilarity;
    private boolean[][] deniedByName;

    private EvidenceBuilder() {
    }

    /** Units none of which is negated or names a phrase, with their cosines to the key points; nothing else. */
    static EvidenceBuilder of(String answer, List<Span> units, double[][] keyPointSimilarity) {
        EvidenceBuilder b = new EvidenceBuilder();
        b.answer = answer;
        b.units = units;
        b.negated = new boolean[units.size()];
        b.keyPointSimilarity = keyPointSimilarity;
        b.keyPointPhrase = new boolean[keyPointSimilarity.length][units.size()];
        return b;
    }

    /** Every measure of {@code e}, to change some of them. */
    static EvidenceBuilder from(AnswerEvidence e) {
        EvidenceBuilder b = of(e.answer(), e.units(), e.keyPointSimilarity());
        b.negated = e.negated();
        b.keyPointPhrase = e.keyPointPhrase();
        b.misconceptionSimilarity = e.misconceptionSimilarity();
        b.misconceptionPhrase = e.misconceptionPhrase();
        b.topicality = e.topicality();
        b.signals = e.signals();
        b.truncated = e.truncated();
        b.holistic = e.holistic();
        b.deniesKeyPoint = e.deniesKeyPoint();
        b.promptEcho = e.promptEcho();
        b.hedged = e.hedged();
        b.unitTopicality = e.unitTopicality();
        b.promptSimilarity = e.promptSimilarity();
        b.otherQuestionSimilarity = e.otherQuestionSimilarity();
        b.keyPointContradicted = e.keyPointContradicted();
        b.statedInOtherWords = e.statedInOtherWords();
        b.eitherPolaritySimilarity = e.eitherPolaritySimilarity();
        b.deniedByName = e.deniedByName();
        return b;
    }

    EvidenceBuilder negated(boolean... negated) {
        this.negated = negated;
        return this;
    }

    EvidenceBuilder keyPointPhrase(boolean[][] keyPointPhrase) {
        this.keyPointPhrase = keyPointPhrase;
        return this;
    }

    EvidenceBuilder misconceptions(double[][] similarity, boolean[][] phrase) {
        this.misconceptionSimilarity = similarity;
        this.misconceptionPhrase = phrase;
        return this;
    }

    EvidenceBuilder topicality(double topicality) {
        this.topicality = topicality;
        return this;
    }

    EvidenceBuilder signals(KeywordListDetector.Signals signals) {
        this.signals = signals;
        return this;
    }

    EvidenceBuilder holistic(double holistic) {
        this.holistic = holistic;
        return this;
    }

    EvidenceBuilder deniesKeyPoint() {
        this.deniesKeyPoint = true;
        return this;
    }

    EvidenceBuilder promptEcho(double... promptEcho) {
        this.promptEcho = promptEcho;
        return this;
    }

    EvidenceBuilder hedged(boolean... hedged) {
        this.hedged = hedged;
        return this;
    }

    EvidenceBuilder unitTopicality(double... unitTopicality) {
        this.unitTopicality = unitTopicality;
        return this;
    }

    EvidenceBuilder promptSimilarity(double... promptSimilarity) {
        this.promptSimilarity = promptSimilarity;
        return this;
    }

    EvidenceBuilder otherQuestionSimilarity(double... otherQuestionSimilarity) {
        this.otherQuestionSimilarity = otherQuestionSimilarity;
        return this;
    }

    /** Which units are negations in the candidate's own words, and their cosines to references of either polarity. */
    EvidenceBuilder statedInOtherWords(boolean[][] stated, double[][] eitherPolaritySimilarity) {
        this.statedInOtherWords = stated;
        this.eitherPolaritySimilarity = eitherPolaritySimilarity;
        return this;
    }

    AnswerEvidence build() {
        return new AnswerEvidence(answer, units, negated, keyPointSimilarity, keyPointPhrase, misconceptionSimilarity,
                misconceptionPhrase, topicality, signals, truncated, holistic, deniesKeyPoint, promptEcho, hedged,
                unitTopicality, promptSimilarity, otherQuestionSimilarity, keyPointContradicted, statedInOtherWords,
                eitherPolaritySimilarity, deniedByName);
    }
}
