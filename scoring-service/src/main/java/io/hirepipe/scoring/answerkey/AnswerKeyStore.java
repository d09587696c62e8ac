package io.hirepipe.scoring.answerkey;

import io.hirepipe.contracts.events.ChoiceOption;
import io.hirepipe.contracts.events.KeyPoint;
import io.hirepipe.contracts.events.Misconception;
import io.hirepipe.contracts.events.QuestionPublished;
import jakarta.annotation.PostConstruct;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The read model of answer keys, one document per (tenant, question, version). */
@Component
public class AnswerKeyStore {

    private final MongoTemplate mongo;
    private final Clock clock;

    public AnswerKeyStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Before any listener starts: the unique key is what makes redelivered question events harmless. */
    @PostConstruct
    void createIndexes() {
        mongo.indexOps(AnswerKey.class).createIndex(new Index()
                .on("tenantId", Sort.Direction.ASC)
                .on("questionId", Sort.Direction.ASC)
                .on("version", Sort.Direction.ASC)
                .named("answer_key_unique").unique());
    }

    /**
     * Upserts by the deterministic id: delivering the same QuestionPublished twice writes the same
     * values again. The retired flag is left alone, so a replay of the topic does not un-retire.
     */
    public void publish(String tenantId, QuestionPublished question, String eventId) {
        String id = AnswerKey.idOf(tenantId, question.questionId(), question.version());
        List<RubricKeyPoint> keyPoints = question.rubric() == null ? List.of()
                : question.rubric().keyPoints().stream().map(AnswerKeyStore::keyPoint).toList();
        List<RubricMisconception> misconceptions = question.rubric() == null ? List.of()
                : question.rubric().misconceptions().stream().map(AnswerKeyStore::misconception).toList();
        Update update = new Update()
                .set("tenantId", tenantId)
                .set("questionId", question.questionId())
                .set("version", question.version())
                .set("kind", question.kind())
                .set("correctOptionIds", question.correctOptionIds())
                .set("keyPoints", keyPoints)
                .set("misconceptions", misconceptions)
                .set("choiceScoring", question.choiceScoring())
                .set("optionIds", question.options().stream().map(ChoiceOption::id).toList())
                .set("options", question.options())
                .set("title", question.title())
                .set("prompt", question.prompt())
                .set("maxPoints", question.maxPoints())
                .set("sourceEventId", eventId)
                .set("updatedAt", clock.instant())
                .setOnInsert("retired", false);
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, AnswerKey.class);
    }

    /** @return false when the version is unknown here, so there is nothing to retire */
    public boolean retire(String tenantId, String questionId, int version) {
        Query query = Query.query(Criteria.where("_id").is(AnswerKey.idOf(tenantId, questionId, version))
                .and("tenantId").is(tenantId));
        Update update = new Update().set("retired", true).set("updatedAt", clock.instant());
        return mongo.updateFirst(query, update, AnswerKey.class).getMatchedCount() > 0;
    }

    /** The known keys among {@code refs}; absent entries are versions this service has not seen yet. */
    public Map<AnswerKeyRef, AnswerKey> find(String tenantId, Collection<AnswerKeyRef> refs) {
        if (refs.isEmpty()) {
            return Map.of();
        }
        List<String> ids = refs.stream().map(ref -> AnswerKey.idOf(tenantId, ref.questionId(), ref.version()))
                .distinct().toList();
        Query query = Query.query(Criteria.where("_id").in(ids).and("tenantId").is(tenantId));
        return mongo.find(query, AnswerKey.class).stream()
                .collect(Collectors.toMap(AnswerKey::ref, Function.identity()));
    }

    /** Whether any version of the question was published to this tenant (another tenant's question is unknown here). */
    public boolean knows(String tenantId, String questionId) {
        return mongo.exists(Query.query(Criteria.where("tenantId").is(tenantId).and("questionId").is(questionId)),
                AnswerKey.class);
    }

    private static RubricKeyPoint keyPoint(KeyPoint keyPoint) {
        return new RubricKeyPoint(keyPoint.id(), keyPoint.description(), keyPoint.phrases(), keyPoint.examples(),
                keyPoint.points());
    }

    private static RubricMisconception misconception(Misconception misconception) {
        return new RubricMisconception(misconception.id(), misconception.description(), misconception.phrases(),
                misconception.points());
    }
}
