package io.hirepipe.scoring.grading;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.hirepipe.scoring.grading.FreeTextGrade.GradeFlag;
import io.hirepipe.scoring.grading.FreeTextGrade.KeyPointEvidence;
import io.hirepipe.scoring.grading.FreeTextGrade.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The free-text grader the service uses (see {@link FreeTextGraderSelection}): sentence embeddings plus Lucene phrases, made hard to game
 * (negation, misconceptions, keyword lists, off-topic answers). How evidence becomes points is in
 * {@link SemanticGradingPolicy}.
 *
 * <p>Per question version ({@link FreeTextRubric#questionKey()}) the rubric's references are embedded once
 * and cached; per answer, its clauses and one-clause sentences are embedded in one batch, and a sentence of
 * several clauses is composed from its clauses' vectors. If the embedding
 * model cannot run at all, the lexical grader answers instead, flagged FALLBACK and sent to review,
 * so scoring never stops on it. Thread-safe.
 */
@Component
public class SemanticFreeTextGrader implements FreeTextGrader {

    private static final Logger log = LoggerFactory.getLogger(SemanticFreeTextGrader.class);

    /** Answers that say nothing, with or without an apology: treated as blank. */
    private static final Pattern NON_ANSWER = Pattern.compile("(?i)\\W*(?:sorry\\W*)?"
            + "(?:(?:i\\s+)?(?:don['’]?t|do\\s+not)\\s+know|idk|dunno|no\\s+(?:idea|clue)|not\\s+sure|n/?a|pass|skip(?:ped)?|\\?+)"
            + "(?:\\W*sorry)?\\W*");
    private static final Pattern HAS_LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");

    private final SentenceEmbedder embedder;
    private final RubricMatcher analyser;
    private final NegationDetector negation = new NegationDetector();
    private final ForeignLanguageDetector language = new ForeignLanguageDetector();
    private final AnswerEvidenceCollector collector;
    private final SemanticGradingPolicy policy;
    private final LexicalFreeTextGrader fallback;
    private final Cache<FreeTextRubric, RubricEmbeddings> rubrics = Caffeine.newBuilder().maximumSize(2_000).build();

    /** A grader that knows no other questions: the neighbour rule never applies (tests of the other rules). */
    public SemanticFreeTextGrader(SentenceEmbedder embedder, RubricMatcher analyser, SemanticGradingSettings settings,
                                  LexicalFreeTextGrader fallback) {
        this(embedder, analyser, settings, fallback, NeighbouringQuestions.NONE);
    }

    @Autowired
    public SemanticFreeTextGrader(SentenceEmbedder embedder, RubricMatcher analyser, SemanticGradingSettings settings,
                                  LexicalFreeTextGrader fallback, NeighbouringQuestions neighbours) {
        this.embedder = embedder;
        this.analyser = analyser;
        this.collector = new AnswerEvidenceCollector(embedder, analyser, negation, new AnswerSegmenter(),
                new KeywordListDetector(analyser), neighbours);
        this.policy = new SemanticGradingPolicy(settings);
        this.fallback = fallback;
    }

    @Override
    public FreeTextGrade grade(String answer, FreeTextRubric rubric) {
        if (isBlank(answer)) {
            return blank(rubric);
        }
        FreeTextGrade grade;
        try {
            grade = policy.grade(evidence(answer, rubric), rubric);
        } catch (RuntimeException | LinkageError e) {
            log.warn("Semantic grading failed for {}; falling back to lexical grading", rubric.questionKey(), e);
            grade = unsure(fallback.grade(answer, rubric), GradeFlag.FALLBACK);
        }
        // the model and the stemmer read English only: whatever such an answer says, its score does not say it
        return language.readsAsAnotherLanguage(answer) ? unsure(grade, GradeFlag.NOT_ENGLISH) : grade;
    }

    /** {@code grade} as it is, flagged {@code why}, with low confidence and sent to a person. */
    private static FreeTextGrade unsure(FreeTextGrade grade, GradeFlag why) {
        Set<GradeFlag> flags = EnumSet.of(why, GradeFlag.LOW_CONFIDENCE);
        flags.addAll(grade.flags());
        return new FreeTextGrade(grade.points(), grade.maxPoints(), Math.min(grade.confidence(), 0.3), true,
                grade.keyPoints(), grade.misconceptions(), flags);
    }

    /** The measurements behind a grade, for evaluation and tuning. */
    public AnswerEvidence evidence(String answer, FreeTextRubric rubric) {
        // the key is the whole rubric, so a version whose key points changed under the same questionKey never reuses stale vectors
        RubricEmbeddings embedded = rubrics.get(rubric, r -> RubricEmbeddings.of(r, embedder, analyser, negation));
        return collector.collect(answer, embedded);
    }

    public SemanticGradingPolicy policy() {
        return policy;
    }

    /** Nothing to grade: empty, only punctuation, or a non-answer such as "I don't know". */
    public static boolean isBlank(String answer) {
        return answer == null || !HAS_LETTER_OR_DIGIT.matcher(answer).find() || NON_ANSWER.matcher(answer.strip()).matches();
    }

    private static FreeTextGrade blank(FreeTextRubric rubric) {
        List<KeyPointEvidence> missed = rubric.keyPoints().stream()
                .map(p -> new KeyPointEvidence(p.id(), Verdict.MISSED, 0, BigDecimal.ZERO.setScale(2), null, 0))
                .toList();
        return new FreeTextGrade(BigDecimal.ZERO.setScale(2), rubric.maxPoints(), 1.0, false, missed, List.of(),
                Set.of(GradeFlag.BLANK));
    }
}
