package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.FreeTextGrade.GradeFlag;
import io.hirepipe.scoring.grading.FreeTextGrade.KeyPointEvidence;
import io.hirepipe.scoring.grading.FreeTextGrade.Verdict;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.hirepipe.scoring.grading.GradeFigures.clamp01;
import static io.hirepipe.scoring.grading.GradeFigures.round2;

/**
 * Turns {@link AnswerEvidence} into a {@link FreeTextGrade}. Pure: no I/O, no state beyond its settings. The rules
 * below are carried out in three places: {@link KeyPointCredit} (credit of a key point), {@link StatedMisconceptions}
 * (the misconceptions stated, their cost and the units they take with them), and this class (score and confidence).
 *
 * <h2>Credit of a key point</h2>
 * For key point k and each answer unit u (sentence or clause) of the same polarity as the reference:
 * <pre>
 *   cos(u,k)      = max cosine(u, r) over k's description and examples r          (all-MiniLM-L6-v2)
 *   sem(u,k)      = cos(u,k) - contrast * mean of cos(u,k') over the other key points k'
 *                   - clauseNoise * max(0, sqrt(2 ln n) - sqrt(2 ln n0)), n the number of the answer's units,
 *                     n0 = clauseNoiseFrom
 *   lex(u,k)      = 1 if all stemmed terms of one of k's phrases occur in u, or do once the words of u and of
 *                   the phrase that stand in one line of the thesaurus are read as that line (grading/
 *                   key-point-synonyms.txt, Lucene SynonymGraphFilter: "each copy of the data" meets "replica"),
 *                   else 0 (Lucene EnglishAnalyzer)
 *   evidence(u,k) = min(1, clamp((sem - floor) / (ceiling - floor), 0, 1) + phraseWeight * lex),
 *                   at most hedgedEvidenceCap when u's sentence is hedged; the semantic term is 0 when u's
 *                   cosine to the prompt and to every key-point reference stays below unitOnTopicAt, unless
 *                   cos(u,k) - cos(u,prompt) >= floorExemptionMargin (off when absent), and it is 0 as well when u
 *                   clears the floor only to answer another question: max cosine(u, another question's prompt or
 *                   key-point reference) - max cosine(u, this prompt or key-point reference) >= neighbourMargin (off
 *                   when absent), again unless the floor exemption holds; and it is 0 when u denies a key point by
 *                   name and shares no word with k's negated references ({@link AnswerEvidence#deniedByName()}: "there
 *                   is no need for a timeout"), or sets k aside ("we remove the timeouts", "a circuit breaker is
 *                   optional", {@link Dismissals}; lex is 0 there too)
 *   evidence(k)   = min(1, max over u of evidence(u,k) + supportWeight * the next best evidence(u',k)
 *                   of a unit u' that does not overlap u), at most hedgedEvidenceCap when u is hedged and u' is
 *                   hedged too (or there is none)
 *   credit(k)     = 1 (MET) if evidence(k) >= metAt, partlyMetCredit (PARTLY_MET) if >= partlyMetAt, else 0 (MISSED)
 * </pre>
 * (evidence(u,k) uncapped inside the max; a second clause may support the first.)
 * So a paraphrase can meet a key point on meaning alone, a phrase alone lifts a weak paraphrase, and
 * polarity disagreement (a negated unit, a positive reference) gives no evidence at all, but for one case: a negated
 * unit that names no term of any key point ({@link AnswerEvidence#statedInOtherWords()}: "never glue user text into a
 * database statement") makes a point through its negation rather than denying one, which a denial would name ("we do
 * not validate input"); it is measured against references of either polarity, cos(u,k) and the contrast's cos(u,k')
 * alike (docs/grading.md, session 35). The contrast
 * term is there because key points of one question share a topic: a sentence about isolation levels is
 * fairly close to every key point of an isolation question, and only its excess closeness to one key
 * point over the others says that it makes that point.
 * The clause-count discount is there because evidence(k) is the best of n comparisons: if a unit that does
 * not make point k has a contrasted cosine with spread clauseNoise around its typical value, the largest of n
 * such cosines exceeds that value by about clauseNoise * sqrt(2 ln n) (the expected maximum of n Gaussians),
 * so a long, rambling answer would meet key points by chance that a short one would not. The thresholds were
 * fitted on answers of about n0 units, so they already absorb the chance maximum of n0; what a longer answer
 * gains beyond it is taken off every unit's cosine, which asks a unit of a long answer to match more strongly
 * to count. An answer of n0 units or fewer loses nothing, and a phrase (lex) is not discounted.
 * The hedge cap is there because the grading guide asks for a key point to be stated: a sentence that offers its
 * claim as a guess ("I think it might be a thundering herd?", "maybe use LIMIT and OFFSET",
 * {@link HedgeDetector}) only gestures at it, so on its own, or with another hedged sentence, it earns at most
 * hedgedEvidenceCap (in application.yml halfway between partlyMetAt and metAt: PARTLY_MET, and not on a threshold),
 * however close its words are; a plain sentence of the answer that supports it can still complete it.
 * The topicality floor (unitOnTopicAt) is there because the contrast measures a unit against the other key points
 * only: a clause about something else entirely (the team's post-mortem, the API's documentation) is far from every
 * key point, and its being a little less far from one of them would still count as evidence for that one.
 * The neighbour rule (neighbourMargin) is there for the clause that is about the field but answers another question:
 * password hashing in an answer about securing a REST API, ACID under the CAP theorem. Such a clause clears the
 * topicality floor, so, like a clause under it, it is no semantic evidence (its phrases still count) once its cosine to
 * another question ({@link NeighbouringQuestions}: the starter bank's prompts and key points) exceeds its highest cosine to
 * this question's prompt and key points by neighbourMargin; nor does it count as on topic for review. The floor exemption
 * still applies to it: a clause far closer to one key point than to the prompt is about that point, and a paraphrase's
 * everyday words ("the database has to lock, make people wait") are often a little closer to some other question's.
 *
 * <h2>Score</h2>
 * <pre>
 *   earned    = sum of credit(k) * points(k)
 *   closeness = clamp((cos(mean of the answer's unit vectors, mean of the key points' references) - holisticFloor)
 *                     / (holisticCeiling - holisticFloor), 0, 1)
 *   lift      = min(sum over PARTLY_MET k of (1 - credit(k)) * points(k),
 *                   holisticWeight * max(0, closeness * maxPoints - earned))
 *   cost(m)   = max(penalty points of m, maxPoints / 4)
 *   credit    = max(0, earned + lift - sum of cost(m) over the misconceptions stated) / maxPoints
 *   points    = calibrate(credit) * maxPoints
 * </pre>
 * {@code calibrate} is the monotone piecewise-linear map through (0 %, c0), (25 %, c1), (50 %, c2), (75 %, c3),
 * (100 %, c4), the five {@code calibration} settings, fitted on the dev set's tune half to bring the
 * percentages closer to the hand grades (grade × 25). It never reorders two answers. The settings in
 * application.yml leave it the identity from 25 % up and give a credit of 0 the percent c0, kept under
 * 12.5 % (grade 0), because an answer that is on topic and states no key point is, for a human grader,
 * sometimes "wrong throughout" (0) and often "something true but shallow" (1), and the machine cannot
 * tell which.
 * The lift is there for answers in the candidate's own words: each sentence is only moderately close
 * to one key point, so key points end PARTLY_MET, while the answer as a whole says what the rubric
 * says. It only completes key points that the answer partly met; a MISSED key point stays missed, so
 * a negated or off-topic answer gains nothing from sharing the rubric's topic.
 * A misconception is stated when one of its phrases occurs in a unit, or a unit's cosine to its statement
 * reaches {@code misconceptionAt} and exceeds the unit's cosine to every key point; polarity must agree
 * ("sharding does not copy all data" is not it). It costs at least a grade step (a quarter of the points), as the
 * grading guide's hand grades take a step off for it. A unit that states a misconception is evidence for no
 * key point: "higher isolation makes transactions faster" is close to the trade-off key point in
 * embedding space, but it gets the trade-off backwards. When the unit states it in so many words (by its cosine, not
 * only by a phrase), neither is any other unit of its sentence: the sentence's other clauses give the wrong claim's
 * reason or consequence ("POST is idempotent too, since posting the same payment twice returns the same resource").
 * Neither is a unit that only echoes the question: at
 * least {@code promptEchoShare} of its analysed terms are words of the prompt ("SQL injection is the injection
 * of SQL"), so it adds nothing of the candidate's own, however close it sits to a key point on the same matter.
 * An answer that takes up the rubric wrongly, by stating a listed misconception or by denying a key point in
 * the key point's own words ("REST is not stateless", {@link AnswerEvidence#deniesKeyPoint()}), is given at least
 * {@code engagedWrongFloor} percent, however little it earned after its penalties: the grading guide's grade 1
 * includes "mostly wrong with one right idea", and an answer that argues about the rubric's points has at least
 * found them, unlike an empty or merely on-topic one (which keeps the calibration's c0). A floor on the percent,
 * not a bonus, so more credit never scores less.
 * Then the gates, after calibration: an off-topic answer scores 0 (OFF_TOPIC); a keyword list is capped at
 * {@code keywordListCap} of the points when it groups its terms (a label such as "GraphQL: …", or several
 * sentences), and at {@link #BARE_LIST_SHARE_OF_CAP} of that cap (grade 0) when it is a bare run of terms
 * ("https tls jwt oauth cors"): the grading guide gives a bare list 0 and a grouped one at most 1
 * (KEYWORD_LIST, always reviewed).
 * Last, after the review flags (see Confidence), the band pull:
 * {@code percent += bandPull * (25 * round(percent / 25) - percent)}. The 0–4 grade of an answer is
 * round(percent / 25), and the score says that grade more plainly: with a pull of 0.5 an answer at 65 % or
 * 85 % (grade 3) scores 70 % or 80 %. The pull never changes a grade or a review flag (both are taken
 * before it) and never reorders two answers; how far it goes is fitted on the tune half, like the calibration.
 *
 * <h2>Confidence</h2>
 * A key point whose evidence lies near metAt or partlyMetAt is ambiguous: ambiguity(k) = 1 − distance of
 * its uncapped evidence to the nearer threshold / 0.15, floored at 0. confidence = 1 − (points-weighted mean ambiguity), halved for
 * a keyword list. Below lowConfidenceBelow → LOW_CONFIDENCE; a percent within nearThresholdWithin of a
 * band boundary (12.5, 37.5, 62.5, 87.5: the machine grade is round(percent / 25)) → NEAR_THRESHOLD.
 * An item of grade 2 or more (percent at least 37.5) of whose units fewer than reviewOnTopicShareBelow are on topic
 * (their cosine to the prompt or some key-point reference at least unitOnTopicAt) → MOSTLY_OFF_TOPIC: its grade rests
 * on a minority of the answer, and that is where the grader goes wrong both ways. Either the answer makes its points in
 * words the model does not connect to the rubric, and the few clauses it recognises under-state it (a paraphrase), or
 * it says little about the question among much else, and its few on-topic clauses over-state it (a rambling answer, one
 * to a neighbouring question); the model cannot tell which, a reader can at a glance (docs/grading.md, session 24).
 * Any of these sets needsReview, and so does an OFF_TOPIC answer of at least reviewOffTopicFromWords words: its 0 is
 * right for a long answer to another question and costly for a long answer in everyday words, and only a reader can
 * tell (docs/grading.md, session 24). An answer too long to read whole gets LOW_CONFIDENCE as well.
 */
public final class SemanticGradingPolicy {

    /** A bare run of terms (no label, one sentence) keeps this share of the keyword-list cap: grade 0. */
    static final double BARE_LIST_SHARE_OF_CAP = 0.4;
    private static final double[] BAND_BOUNDARIES = {12.5, 37.5, 62.5, 87.5};
    /** The lowest percent of grade 2: round(percent / 25) = 2. */
    private static final double GRADE_TWO_FROM = 37.5;

    private final SemanticGradingSettings s;
    private final StatedMisconceptions misconceptions;
    private final KeyPointCredit keyPointCredit;

    public SemanticGradingPolicy(SemanticGradingSettings settings) {
        this.s = settings;
        this.misconceptions = new StatedMisconceptions(settings);
        this.keyPointCredit = new KeyPointCredit(settings);
    }

    public SemanticGradingSettings settings() {
        return s;
    }

    public FreeTextGrade grade(AnswerEvidence e, FreeTextRubric rubric) {
        int max = rubric.maxPoints();
        Set<GradeFlag> flags = EnumSet.noneOf(GradeFlag.class);
        StatedMisconceptions.Found stated = misconceptions.in(e, rubric);
        KeyPointCredit.Credits credits = keyPointCredit.of(e, rubric, stated.units());
        List<KeyPointEvidence> keyPoints = credits.keyPoints();
        double earned = credits.earned();
        earned += holisticLift(e.holistic(), keyPoints, rubric, earned);
        double given = max == 0 ? 0 : calibrate(100 * Math.max(0, earned - stated.penalties()) / max);
        if (!stated.evidence().isEmpty() || e.deniesKeyPoint()) {
            // wrong, but about the question: a human gives it a 1, not the 0 of an empty answer
            given = Math.max(given, s.engagedWrongFloor());
        }
        double points = given * max / 100;
        double confidence = max == 0 ? 1 : 1 - credits.ambiguity() / max;
        if (e.topicality() < s.offTopicBelow() && !e.anyPhrase()) {
            flags.add(GradeFlag.OFF_TOPIC);
            points = 0;
        }
        boolean keywordList = e.signals().isKeywordList(s.keywordListMinWords(), s.keywordListMinListShare(),
                s.keywordListMaxFunctionWordShare(),
                s.keywordListMinRubricTermShare());
        if (keywordList) {
            flags.add(GradeFlag.KEYWORD_LIST);
            double cap = (e.signals().structured() ? 1 : BARE_LIST_SHARE_OF_CAP) * s.keywordListCap() * max;
            points = Math.min(points, cap);
            confidence /= 2;
        }
        double percent = max == 0 ? 0 : 100 * points / max;
        if (e.truncated()) {
            confidence = Math.min(confidence, s.lowConfidenceBelow() / 2);
        }
        if (confidence < s.lowConfidenceBelow()) {
            flags.add(GradeFlag.LOW_CONFIDENCE);
        }
        if (isNearBoundary(percent)) {
            flags.add(GradeFlag.NEAR_THRESHOLD);
        }
        if (percent >= GRADE_TWO_FROM && onTopicShare(e) < s.reviewOnTopicShareBelow()) {
            flags.add(GradeFlag.MOSTLY_OFF_TOPIC);
        }
        // after the review flags: the pull moves a score away from the boundary it was near, not its grade
        points = max == 0 ? 0 : towardBandCentre(percent) * max / 100;
        if (keywordList && earned > points) {
            // the verdicts say which terms were named; the credit shrinks so the key points add up to the capped score
            double share = points / earned;
            keyPoints.replaceAll(k -> new KeyPointEvidence(k.keyPointId(), k.verdict(), round2(k.credit() * share),
                    Points.of(k.points().doubleValue() * share), k.span(), k.similarity()));
        }
        // an answer of substance with nothing of the question in it: about something else, or in words the model misses
        boolean substantialOffTopic = flags.contains(GradeFlag.OFF_TOPIC) && s.reviewOffTopicFromWords() > 0
                && e.signals().words() >= s.reviewOffTopicFromWords();
        boolean needsReview = keywordList || flags.contains(GradeFlag.LOW_CONFIDENCE)
                || flags.contains(GradeFlag.NEAR_THRESHOLD) || flags.contains(GradeFlag.MOSTLY_OFF_TOPIC)
                || substantialOffTopic;
        return new FreeTextGrade(Points.of(points), max, round2(confidence), needsReview, keyPoints, stated.evidence(), flags);
    }

    /** Share of the answer's units whose cosine to the prompt or some key-point reference reaches unitOnTopicAt. */
    private double onTopicShare(AnswerEvidence e) {
        int n = e.units().size();
        if (n == 0) {
            return 1;
        }
        int onTopic = 0;
        for (int u = 0; u < n; u++) {
            if (e.unitTopicality()[u] >= s.unitOnTopicAt() && !keyPointCredit.aboutAnotherQuestion(e, u)) {
                onTopic++;
            }
        }
        return (double) onTopic / n;
    }

    /**
     * lift of the class comment: the whole answer's closeness to the rubric completes partly met key
     * points, never creates one from nothing.
     */
    private double holisticLift(double holistic, List<KeyPointEvidence> keyPoints, FreeTextRubric rubric,
                                double earned) {
        if (s.holisticWeight() == 0) {
            return 0;
        }
        double liftable = 0;
        for (int k = 0; k < keyPoints.size(); k++) {
            if (keyPoints.get(k).verdict() == Verdict.PARTLY_MET) {
                liftable += (1 - keyPoints.get(k).credit()) * rubric.keyPoints().get(k).points();
            }
        }
        double closeness = clamp01((holistic - s.holisticFloor()) / (s.holisticCeiling() - s.holisticFloor()));
        return Math.min(liftable, s.holisticWeight() * Math.max(0, closeness * rubric.maxPoints() - earned));
    }

    /**
     * The band pull of the class comment: a percent moves {@code bandPull} of the way to the centre of its 0–4
     * band (grade × 25), never across a band boundary, so the grade stays what it was.
     */
    double towardBandCentre(double percent) {
        double centre = 25 * Math.floor(percent / 25 + 0.5);
        return percent + s.bandPull() * (centre - percent);
    }

    /** calibrate of the class comment: percent of the points earned → percent given. */
    double calibrate(double percent) {
        List<Double> at = s.calibration();
        double step = 100.0 / (at.size() - 1);
        int segment = (int) Math.min(at.size() - 2, Math.max(0, Math.floor(percent / step)));
        double t = Math.max(0, Math.min(1, (percent - segment * step) / step));
        return at.get(segment) + t * (at.get(segment + 1) - at.get(segment));
    }

    /**
     * The units set aside because they, or a clause of theirs, state one of the rubric's misconceptions, or because they
     * share a sentence with a unit that states one in so many words.
     */
    public boolean[] misconceptionUnits(AnswerEvidence e) {
        return misconceptions.misconceptionUnits(e);
    }

    /** sem(u,k) of the class comment, before the clause-count discount. */
    public double contrasted(double[][] similarity, int k, int u) {
        return keyPointCredit.contrasted(similarity, k, u);
    }

    /** evidence(u,k) of the class comment before clamping to 0..1, from sem(u,k) and lex(u,k). */
    public double rawEvidence(double similarity, boolean phrase) {
        return keyPointCredit.rawEvidence(similarity, phrase);
    }

    private boolean isNearBoundary(double percent) {
        return isNearBandBoundary(percent, s.nearThresholdWithin());
    }

    /** Whether {@code percent} lies within {@code within} points of a boundary between two 0–4 grades. */
    static boolean isNearBandBoundary(double percent, double within) {
        for (double boundary : BAND_BOUNDARIES) {
            if (Math.abs(percent - boundary) < within) {
                return true;
            }
        }
        return false;
    }
}
