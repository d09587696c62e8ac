package io.hirepipe.scoring.result;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.defaults.outbox.Outbox;
import io.hirepipe.defaults.web.CursorCriteria;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.Optional;

/** Results, always read within one tenant. */
@Component
public class ResultStore {

    private final MongoTemplate mongo;

    // No hint to the relay here: service-defaults' OutboxWrites sees each write that carries events and hands it over.
    public ResultStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        // The tenant's results, newest first: the unfiltered list and the export.
        tenantIndex("tenant_newest", "scoredAt");
        // Results of one invitation.
        tenantIndex("tenant_invitation_newest", "invitationId", "scoredAt");
        // Agreement statistics of one question.
        tenantIndex("tenant_question", "items.questionId");
        // Results of one test, newest first; also every percentile reads the test's scores through it.
        tenantIndex("tenant_test_newest", "testId", "scoredAt");
        // A platform client finding the result of its own reference.
        tenantIndex("tenant_reference_newest", "externalReference", "scoredAt");
        // Results submitted in a time range.
        tenantIndex("tenant_submitted", "submittedAt");
    }

    /** An index on the tenant and then {@code fields}; times descending (newest first), others ascending. */
    private void tenantIndex(String name, String... fields) {
        Index index = new Index().on("tenantId", Sort.Direction.ASC);
        for (String field : fields) {
            index.on(field, field.endsWith("At") ? Sort.Direction.DESC : Sort.Direction.ASC);
        }
        mongo.indexOps(ScoringResult.class).createIndex(index.named(name));
    }

    public boolean exists(String sessionId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(sessionId)), ScoringResult.class);
    }

    /**
     * Inserts the result and its outbox in one document write.
     *
     * @return false when the session already had a result (a redelivered submission): nothing was written
     */
    public boolean insert(ScoringResult result) {
        try {
            mongo.insert(result);
            return true;
        } catch (DuplicateKeyException alreadyScored) {
            return false;
        }
    }

    /**
     * Writes a person's change and the event it implies in one single-document update, provided
     * nobody changed the result since it was read at {@code changed.revision()}.
     *
     * @return false when the result changed meanwhile: read it again and decide again
     */
    public boolean update(ScoringResult changed, EventEnvelope<?>... events) {
        Query query = Query.query(Criteria.where("_id").is(changed.sessionId())
                .and("tenantId").is(changed.tenantId())
                .andOperator(sameRevision(changed.revision())));
        Update update = new Update()
                .set("items", changed.items())
                .set("points", changed.points())
                .set("percent", changed.percent())
                .set("passed", changed.passed())
                .set("state", changed.state())
                .set("reviewCount", changed.reviewCount())
                .set("finalizedAt", changed.finalizedAt())
                .set("finalizedBy", changed.finalizedBy())
                .set("revision", changed.revision() + 1);
        Outbox.append(update, events);
        return mongo.updateFirst(query, update, ScoringResult.class).getMatchedCount() == 1;
    }

    /**
     * Replaces the result of a session that was reopened and submitted again with the scoring of the new
     * submission, in one update carrying its AssessmentScored. Only if the stored result is still the one read:
     * scored from {@code previous}'s submission, at its revision.
     *
     * @return false when the result changed meanwhile (or is already this submission's)
     */
    public boolean replaceMachineResult(ScoringResult previous, ScoringResult next, EventEnvelope<?> scored) {
        Document fields = new Document();
        mongo.getConverter().write(next, fields);
        Update update = new Update();
        fields.forEach((name, value) -> {
            if (!name.equals("_id") && !name.equals("_class") && !name.equals(Outbox.FIELD)) {
                update.set(name, value);
            }
        });
        // the converter leaves null properties out: what the earlier result had there (who finalised it, when) goes
        for (RecordComponent property : ScoringResult.class.getRecordComponents()) {
            String name = property.getName();
            if (!fields.containsKey(name) && !name.equals("sessionId") && !name.equals(Outbox.FIELD)) {
                update.unset(name);
            }
        }
        update.set("revision", previous.revision() + 1);
        Outbox.append(update, scored);
        Query query = Query.query(Criteria.where("_id").is(previous.sessionId())
                .and("tenantId").is(previous.tenantId())
                .and("submissionEventId").is(previous.submissionEventId())
                .andOperator(sameRevision(previous.revision())));
        return mongo.updateFirst(query, update, ScoringResult.class).getMatchedCount() == 1;
    }

    private static Criteria sameRevision(long revision) {
        return revision == 0
                ? new Criteria().orOperator(Criteria.where("revision").is(0), Criteria.where("revision").exists(false))
                : Criteria.where("revision").is(revision);
    }

    public Optional<ScoringResult> find(String tenantId, String sessionId) {
        return Optional.ofNullable(mongo.findOne(withoutOutbox(Query.query(
                Criteria.where("_id").is(sessionId).and("tenantId").is(tenantId))), ScoringResult.class));
    }

    /**
     * Newest scored first, ties broken by session id (a total order: pages neither skip nor repeat),
     * at most {@code limit}, without the per-question items.
     */
    public List<ScoringResult> list(String tenantId, ResultQuery filter, int limit) {
        return mongo.find(summaries(tenantId, filter).limit(limit), ScoringResult.class);
    }

    /** Every result of the query in list order, read lazily; close the stream. */
    public Stream<ScoringResult> stream(String tenantId, ResultQuery filter) {
        return mongo.stream(summaries(tenantId, new ResultQuery(filter.invitationId(), filter.testId(),
                filter.state(), filter.passed(), filter.submittedFrom(), filter.submittedTo(),
                filter.externalReference(), null)), ScoringResult.class);
    }

    /** The percents of every result of a test, ascending: what percentiles are ranked against. */
    public double[] sortedPercents(String tenantId, String testId) {
        Query query = Query.query(Criteria.where("tenantId").is(tenantId).and("testId").is(testId));
        query.fields().include("percent");
        return mongo.find(query, org.bson.Document.class, ScoringResult.COLLECTION).stream()
                .map(d -> d.get("percent"))
                .filter(Number.class::isInstance)
                .mapToDouble(p -> ((Number) p).doubleValue())
                .sorted()
                .toArray();
    }

    private static Query summaries(String tenantId, ResultQuery filter) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("tenantId").is(tenantId));
        if (filter.invitationId() != null) {
            all.add(Criteria.where("invitationId").is(filter.invitationId()));
        }
        if (filter.testId() != null) {
            all.add(Criteria.where("testId").is(filter.testId()));
        }
        if (filter.state() == ScoringResult.State.PROVISIONAL) {
            all.add(Criteria.where("state").is(ScoringResult.State.PROVISIONAL));
        } else if (filter.state() == ScoringResult.State.FINAL) {
            // results stored before review existed have no state and were final
            all.add(Criteria.where("state").ne(ScoringResult.State.PROVISIONAL));
        }
        if (filter.passed() != null) {
            all.add(Criteria.where("passed").is(filter.passed()));
        }
        if (filter.submittedFrom() != null) {
            all.add(Criteria.where("submittedAt").gte(filter.submittedFrom()));
        }
        if (filter.submittedTo() != null) {
            all.add(Criteria.where("submittedAt").lt(filter.submittedTo()));
        }
        if (filter.externalReference() != null) {
            all.add(Criteria.where("externalReference").is(filter.externalReference()));
        }
        if (filter.after() != null) {
            all.add(CursorCriteria.after("scoredAt", filter.after()));
        }
        Query query = Query.query(new Criteria().andOperator(all))
                .with(Sort.by(Sort.Direction.DESC, "scoredAt").and(Sort.by(Sort.Direction.DESC, "_id")));
        query.fields().exclude("outbox", "items");
        return query;
    }

    /** The tenant's results that contain {@code questionId}, newest first, at most {@code limit}. */
    public List<ScoringResult> withQuestion(String tenantId, String questionId, int limit) {
        Query query = withoutOutbox(Query.query(Criteria.where("tenantId").is(tenantId)
                .and("items.questionId").is(questionId)))
                .with(Sort.by(Sort.Direction.DESC, "scoredAt"))
                .limit(limit);
        return mongo.find(query, ScoringResult.class);
    }

    /** The outbox is plumbing, not part of the result; readers never need its copy of the event. */
    private static Query withoutOutbox(Query query) {
        query.fields().exclude("outbox");
        return query;
    }
}
