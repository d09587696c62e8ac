package io.hirepipe.scoring.analysis;

import io.hirepipe.contracts.events.ChoiceOption;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.scoring.answerkey.AnswerKey;
import io.hirepipe.scoring.answerkey.AnswerKeyRef;
import io.hirepipe.scoring.answerkey.AnswerKeyStore;
import io.hirepipe.scoring.result.ScoringResult;
import jakarta.annotation.PostConstruct;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads what item analysis needs from the results, always within one tenant, newest first and at most
 * {@code hirepipe.scoring.analysis.max-results} sessions per analysis so one request stays bounded.
 * Candidates' names and the grader's evidence are left in the database.
 */
@Component
class AnalysisSource {

    private final MongoTemplate mongo;
    private final AnswerKeyStore answerKeys;
    private final int maxResults;

    AnalysisSource(MongoTemplate mongo, AnswerKeyStore answerKeys,
                   @Value("${hirepipe.scoring.analysis.max-results:5000}") int maxResults) {
        this.mongo = mongo;
        this.answerKeys = answerKeys;
        this.maxResults = maxResults;
    }

    /** Newest sessions of a test version; one more than the limit tells that there are more. */
    record Page(List<ScoringResult> results, boolean truncated) {
    }

    @PostConstruct
    void createIndexes() {
        // test analysis: one tenant's sessions of one test version, newest first
        mongo.indexOps(ScoringResult.class).createIndex(new Index()
                .on("tenantId", Sort.Direction.ASC)
                .on("testId", Sort.Direction.ASC)
                .on("testVersion", Sort.Direction.ASC)
                .on("scoredAt", Sort.Direction.DESC)
                .named("tenant_test_version_newest"));
        // question analysis uses ResultStore's tenant_question index on items.questionId
    }

    Page ofTest(String tenantId, String testId, int version) {
        // results scored before submissions named a version belong to version 1
        Criteria versionCriteria = version == 1
                ? new Criteria().orOperator(Criteria.where("testVersion").is(1),
                Criteria.where("testVersion").exists(false), Criteria.where("testVersion").is(null))
                : Criteria.where("testVersion").is(version);
        return page(Criteria.where("tenantId").is(tenantId).and("testId").is(testId).andOperator(versionCriteria));
    }

    Page withQuestion(String tenantId, String questionId, int version) {
        return page(Criteria.where("tenantId").is(tenantId).and("items").elemMatch(
                Criteria.where("questionId").is(questionId).and("questionVersion").is(version)));
    }

    /** The options of the choice question versions among {@code refs}, as their answer keys know them. */
    Map<Sitting.QuestionVersion, ChoiceOptions> choiceOptions(String tenantId, Collection<Sitting.QuestionVersion> refs) {
        Map<AnswerKeyRef, AnswerKey> keys = answerKeys.find(tenantId,
                refs.stream().map(q -> new AnswerKeyRef(q.questionId(), q.version())).distinct().toList());
        return keys.values().stream()
                .filter(key -> key.kind() == QuestionKind.SINGLE_CHOICE || key.kind() == QuestionKind.MULTI_CHOICE)
                .collect(Collectors.toMap(key -> new Sitting.QuestionVersion(key.questionId(), key.version()),
                        key -> new ChoiceOptions(key.optionIds(), key.correctOptionIds(), key.options().stream()
                                .filter(option -> option.id() != null && option.text() != null)
                                .collect(Collectors.toMap(ChoiceOption::id, ChoiceOption::text, (first, repeat) -> first)))));
    }

    private Page page(Criteria criteria) {
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Direction.DESC, "scoredAt").and(Sort.by(Sort.Direction.DESC, "_id")))
                .limit(maxResults + 1);
        query.fields().exclude("outbox").exclude("candidate").exclude("recruiterEmail")
                .exclude("items.evidence").exclude("items.history");
        List<ScoringResult> found = mongo.find(query, ScoringResult.class);
        boolean truncated = found.size() > maxResults;
        return new Page(truncated ? found.subList(0, maxResults) : found, truncated);
    }
}
