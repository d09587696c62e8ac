package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.FreeTextGrade.GradeFlag;
import io.hirepipe.scoring.grading.FreeTextGrade.KeyPointEvidence;
import io.hirepipe.scoring.grading.FreeTextGrade.MisconceptionEvidence;
import io.hirepipe.scoring.grading.FreeTextGrade.Verdict;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Turns {@link AnswerEvidence} into a {@link FreeTextGrade}. Pure: no I/O, no state beyond its settings.
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

    private static final double AMBIGUITY_WIDTH = 0.15;
    /** A bare run of terms (no label, one sentence) keeps this share of the keyword-list cap: grade 0. */
    static final double BARE_LIST_SHARE_OF_CAP = 0.4;
    private static final double[] BAND_BOUNDARIES = {12.5, 37.5, 62.5, 87.5};
    /** The lowest percent of grade 2: round(percent / 25) = 2. */
    private static final double GRADE_TWO_FROM = 37.5;

    /** One step of the 0–4 grade as a share of an item's points: grade = round(percent / 25). */
    static final double GRADE_STEP_SHARE = 0.25;

    private final SemanticGradingSettings s;

    public SemanticGradingPolicy(SemanticGradingSettings settings) {
        this.s = settings;
    }

    /**
     * What stating {@code misconception} costs: its penalty points, and at least one grade step of the 0–4 scale (a
     * quarter of the item's points). The grading guide takes a grade step off what the rest of the answer earns for a
     * misconception; a rubric's penalty of 1 point of 7 took off half of one, so a right point beside a wrong claim kept
     * the grade the right point alone would earn.
     */
    static double misconceptionCost(FreeTextRubric.Misconception misconception, int maxPoints) {
        return Math.max(misconception.penaltyPoints(), GRADE_STEP_SHARE * maxPoints);
    }

    public SemanticGradingSettings settings() {
        return s;
    }

    public FreeTextGrade grade(AnswerEvidence e, FreeTextRubric rubric) {
        int max = rubric.maxPoints();
        Set<GradeFlag> flags = EnumSet.noneOf(GradeFlag.class);
        boolean[] wrong = new boolean[e.units().size()];
        List<MisconceptionEvidence> misconceptions = new ArrayList<>();
        double penalties = 0;
        for (int m = 0; m < rubric.misconceptions().size(); m++) {
            FreeTextRubric.Misconception misconception = rubric.misconceptions().get(m);
            int hit = -1;
            double bestSim = 0;
            for (int u = 0; u < e.units().size(); u++) {
                double sim = e.misconceptionSimilarity()[m][u];
                if (statesMisconception(e, m, u)) {
                    markMisconceptionUnits(e, m, u, wrong);
                    if (hit < 0 || sim > bestSim) {
                        hit = u;
                        bestSim = sim;
                    }
                }
            }
            if (hit >= 0) {
                double cost = misconceptionCost(misconception, max);
                penalties += cost;
                misconceptions.add(new MisconceptionEvidence(misconception.id(), misconception.description(),
                        decimal(cost), e.units().get(hit).text(), round2(clamp01(bestSim))));
            }
        }

        List<KeyPointEvidence> keyPoints = new ArrayList<>();
        double earned = 0;
        double ambiguity = 0;
        double chance = chanceMaximum(e.units().size());
        for (int k = 0; k < rubric.keyPoints().size(); k++) {
            FreeTextRubric.Point point = rubric.keyPoints().get(k);
            int bestUnit = -1;
            double best = 0;
            double bestRaw = Double.NEGATIVE_INFINITY;
            double secondRaw = 0;
            boolean secondPlain = false;
            for (int u = 0; u < e.units().size(); u++) {
                if (wrong[u] || echoesPrompt(e, u)) {
                    continue;
                }
                double[][] reading = readingFor(e, k, u);
                // a denial of the point by name is near its negated references only as one negative sentence is near
                // another ("there is no need for a timeout", "so a hanging provider cannot tie up our threads")
                boolean counts = !e.deniedByName()[k][u] && ((aboutTheQuestion(e, u) && !aboutAnotherQuestion(e, u))
                        || specificToKeyPoint(reading, e, k, u));
                if (e.keyPointContradicted()[k][u]) {
                    // it says the opposite in the key point's words ("the server picks the fields"): no evidence for it
                    continue;
                }
                double raw = rawEvidence(counts
                        ? contrasted(reading, k, u) - chance : Double.NEGATIVE_INFINITY,
                        e.keyPointPhrase()[k][u]);
                if (e.hedged()[u]) {
                    // a guess ("I think it might be …") gestures at a point; it does not state it
                    raw = Math.min(raw, s.hedgedEvidenceCap());
                }
                if (raw > bestRaw) {
                    if (bestUnit >= 0 && !overlaps(e.units().get(bestUnit), e.units().get(u)) && bestRaw >= secondRaw) {
                        secondRaw = bestRaw;
                        secondPlain = !e.hedged()[bestUnit];
                    }
                    bestRaw = raw;
                    bestUnit = u;
                } else if (bestUnit >= 0 && !overlaps(e.units().get(bestUnit), e.units().get(u)) && raw > secondRaw) {
                    secondRaw = raw;
                    secondPlain = !e.hedged()[u];
                }
            }
            // a point made across two sentences ("…every node answers. Since message loss is unavoidable…")
            bestRaw = bestRaw + s.supportWeight() * Math.max(0, secondRaw);
            if (bestUnit >= 0 && e.hedged()[bestUnit] && !(secondPlain && secondRaw > 0)) {
                // two guesses do not make a statement either: only a plain sentence can complete a hedged one
                bestRaw = Math.min(bestRaw, s.hedgedEvidenceCap());
            }
            best = Math.min(1, Math.max(0, bestRaw));
            double credit = best >= s.metAt() ? 1 : best >= s.partlyMetAt() ? s.partlyMetCredit() : 0;
            Verdict verdict = credit == 1 ? Verdict.MET : credit > 0 ? Verdict.PARTLY_MET : Verdict.MISSED;
            earned += credit * point.points();
            // distance on the uncapped scale: a phrase plus a close paraphrase is far above metAt, not on it
            double distance = bestUnit < 0 ? 1 : Math.min(Math.abs(bestRaw - s.metAt()), Math.abs(bestRaw - s.partlyMetAt()));
            ambiguity += point.points() * Math.max(0, 1 - distance / AMBIGUITY_WIDTH);
            String span = credit > 0 ? e.units().get(bestUnit).text() : null;
            double similarity = bestUnit < 0 ? 0 : clamp01(readingFor(e, k, bestUnit)[k][bestUnit]);
            keyPoints.add(new KeyPointEvidence(point.id(), verdict, credit, decimal(credit * point.points()), span,
                    round2(similarity)));
        }

        earned += holisticLift(e.holistic(), keyPoints, rubric, earned);
        double given = max == 0 ? 0 : calibrate(100 * Math.max(0, earned - penalties) / max);
        if (!misconceptions.isEmpty() || e.deniesKeyPoint()) {
            // wrong, but about the question: a human gives it a 1, not the 0 of an empty answer
            given = Math.max(given, s.engagedWrongFloor());
        }
        double points = given * max / 100;
        double confidence = max == 0 ? 1 : 1 - ambiguity / max;
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
                    decimal(k.points().doubleValue() * share), k.span(), k.similarity()));
        }
        // an answer of substance with nothing of the question in it: about something else, or in words the model misses
        boolean substantialOffTopic = flags.contains(GradeFlag.OFF_TOPIC) && s.reviewOffTopicFromWords() > 0
                && e.signals().words() >= s.reviewOffTopicFromWords();
        boolean needsReview = keywordList || flags.contains(GradeFlag.LOW_CONFIDENCE)
                || flags.contains(GradeFlag.NEAR_THRESHOLD) || flags.contains(GradeFlag.MOSTLY_OFF_TOPIC)
                || substantialOffTopic;
        return new FreeTextGrade(decimal(points), max, round2(confidence), needsReview, keyPoints, misconceptions, flags);
    }

    /** Share of the answer's units whose cosine to the prompt or some key-point reference reaches unitOnTopicAt. */
    private double onTopicShare(AnswerEvidence e) {
        int n = e.units().size();
        if (n == 0) {
            return 1;
        }
        int onTopic = 0;
        for (int u = 0; u < n; u++) {
            if (e.unitTopicality()[u] >= s.unitOnTopicAt() && !aboutAnotherQuestion(e, u)) {
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
     * A unit made (almost) only of the prompt's own words repeats the question ("SQL injection is the injection of
     * SQL", "the cached home page expires every 60 seconds"): it shows nothing the candidate knows, however close it
     * sits to a key point on the same matter.
     */
    private boolean echoesPrompt(AnswerEvidence e, int u) {
        return s.promptEchoShare() > 0 && e.promptEcho()[u] >= s.promptEchoShare();
    }

    /**
     * Whether unit u is about the question at all: its cosine to the prompt or to some key-point reference reaches
     * unitOnTopicAt. A clause about the team's post-mortem or the API's documentation, in an answer about a growing
     * queue or pagination, is far from everything the rubric says; the contrast would still turn its being a little
     * less far from one key point than from the others into evidence, and a long answer has many such clauses.
     */
    private boolean aboutTheQuestion(AnswerEvidence e, int u) {
        return e.unitTopicality()[u] >= s.unitOnTopicAt();
    }

    /**
     * The neighbour rule of the class comment: unit u answers another question. Its cosine to another question's prompt
     * or key points ({@link NeighbouringQuestions}) exceeds its highest cosine to this question's by neighbourMargin.
     */
    private boolean aboutAnotherQuestion(AnswerEvidence e, int u) {
        return e.otherQuestionSimilarity()[u] - e.unitTopicality()[u] >= s.neighbourMargin();
    }

    /**
     * The floor exemption (session 17, off unless floorExemptionMargin is set): a unit under the topicality floor still
     * counts for key point k when its cosine to k exceeds its cosine to the prompt by floorExemptionMargin: it is about
     * this point, not about the question in general, as a paraphrase's clause is ("they live in one Redis that every
     * copy talks to") and a clause about the topic that makes no point is not.
     */
    private boolean specificToKeyPoint(double[][] reading, AnswerEvidence e, int k, int u) {
        return reading[k][u] - e.promptSimilarity()[u] >= s.floorExemptionMargin();
    }

    /**
     * The cosines unit u is measured by for key point k: against references of its own polarity, or, for a negation in
     * other words ({@link AnswerEvidence#statedInOtherWords()}), against references of either polarity, for k and for
     * the other key points of its contrast alike (docs/grading.md, session 35).
     */
    private static double[][] readingFor(AnswerEvidence e, int k, int u) {
        return e.statedInOtherWords()[k][u] ? e.eitherPolaritySimilarity() : e.keyPointSimilarity();
    }

    /**
     * The clause-count discount of the class comment, clauseNoise * (sqrt(2 ln n) - sqrt(2 ln n0)): by how much more
     * the best of n comparisons of noise exceeds its typical value than the best of n0 does.
     */
    double chanceMaximum(int units) {
        if (s.clauseNoise() == 0 || units <= s.clauseNoiseFrom()) {
            return 0;
        }
        return s.clauseNoise() * (Math.sqrt(2 * Math.log(units)) - Math.sqrt(2 * Math.log(s.clauseNoiseFrom())));
    }

    /**
     * The units set aside because they, or a clause of theirs, state one of the rubric's misconceptions, or because they
     * share a sentence with a unit that states one in so many words.
     */
    public boolean[] misconceptionUnits(AnswerEvidence e) {
        boolean[] wrong = new boolean[e.units().size()];
        for (int m = 0; m < e.misconceptionSimilarity().length; m++) {
            for (int u = 0; u < wrong.length; u++) {
                if (statesMisconception(e, m, u)) {
                    markMisconceptionUnits(e, m, u, wrong);
                }
            }
        }
        return wrong;
    }

    /** Unit u meets misconception m: by its phrase, or closer to it than to any key point and above misconception-at. */
    private boolean statesMisconception(AnswerEvidence e, int m, int u) {
        return statesMisconceptionInWords(e, m, u) || e.misconceptionPhrase()[m][u];
    }

    /** Unit u is closer to misconception m's statement than to any key point, and at least misconception-at close. */
    private boolean statesMisconceptionInWords(AnswerEvidence e, int m, int u) {
        double sim = e.misconceptionSimilarity()[m][u];
        return sim >= s.misconceptionAt() && sim > nearestKeyPoint(e.keyPointSimilarity(), u);
    }

    /** sem(u,k) of the class comment, before the clause-count discount. */
    public double contrasted(double[][] similarity, int k, int u) {
        if (similarity.length < 2 || s.contrast() == 0) {
            return similarity[k][u];
        }
        double others = 0;
        for (int j = 0; j < similarity.length; j++) {
            if (j != k) {
                others += similarity[j][u];
            }
        }
        return similarity[k][u] - s.contrast() * others / (similarity.length - 1);
    }

    private static boolean overlaps(AnswerSegmenter.Span a, AnswerSegmenter.Span b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    /**
     * Sets aside the units that misconception m's statement by unit u takes with it. A unit that states it in so many
     * words (its cosine to the statement reaches misconception-at and beats every key point) takes its whole sentence:
     * the sentence's other clauses give the wrong claim's reason or consequence ("POST is idempotent too, since posting
     * the same payment twice just returns the same resource"; "Sharding takes that further: every node gets a copy of
     * all the data"), not a right point of their own. A unit that holds only the misconception's phrase takes the units
     * that contain it, as before: a phrase's words may fall in different clauses ("GET and DELETE are idempotent, but
     * POST is not"), so it says less about what each clause states (docs/grading.md, session 33).
     */
    private void markMisconceptionUnits(AnswerEvidence e, int m, int u, boolean[] marks) {
        List<AnswerSegmenter.Span> units = e.units();
        if (!statesMisconceptionInWords(e, m, u)) {
            markWithEnclosing(units, u, marks);
            return;
        }
        // the units that enclose u (its sentence, and that sentence's positive part) all lie within the sentence
        AnswerSegmenter.Span inner = units.get(u);
        int start = inner.start();
        int end = inner.end();
        for (AnswerSegmenter.Span outer : units) {
            if (outer.start() <= inner.start() && outer.end() >= inner.end()) {
                start = Math.min(start, outer.start());
                end = Math.max(end, outer.end());
            }
        }
        AnswerSegmenter.Span sentence = new AnswerSegmenter.Span(null, start, end);
        for (int i = 0; i < units.size(); i++) {
            marks[i] |= overlaps(units.get(i), sentence);
        }
    }

    /** Marks unit u and every unit whose span encloses it (the sentence around a clause). */
    private static void markWithEnclosing(List<AnswerSegmenter.Span> units, int u, boolean[] marks) {
        AnswerSegmenter.Span inner = units.get(u);
        for (int i = 0; i < units.size(); i++) {
            AnswerSegmenter.Span outer = units.get(i);
            if (outer.start() <= inner.start() && outer.end() >= inner.end()) {
                marks[i] = true;
            }
        }
    }

    private static double nearestKeyPoint(double[][] similarity, int u) {
        double nearest = 0;
        for (double[] perUnit : similarity) {
            nearest = Math.max(nearest, perUnit[u]);
        }
        return nearest;
    }

    /** evidence(u,k) of the class comment before clamping to 0..1, from sem(u,k) and lex(u,k). */
    public double rawEvidence(double similarity, boolean phrase) {
        double semantic = (similarity - s.similarityFloor()) / (s.similarityCeiling() - s.similarityFloor());
        return Math.max(0, semantic) + (phrase ? s.phraseWeight() : 0);
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

    private static double clamp01(double x) {
        return Math.max(0, Math.min(1, x));
    }

    private static double round2(double x) {
        return Math.round(x * 100) / 100.0;
    }

    private static BigDecimal decimal(double points) {
        return BigDecimal.valueOf(points).setScale(2, RoundingMode.HALF_UP);
    }
}
