package io.hirepipe.question.bank;

import io.hirepipe.defaults.outbox.Outbox;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.question.Ids;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The question lifecycle: DRAFT (edited in place) → PUBLISHED (frozen; editing starts version+1
 * as a draft) → RETIRED. Publishing and retiring write their event into the question's outbox in
 * the same single-document update as the state change.
 */
@Service
public class QuestionService {

    /** Conditional updates lost to concurrent writers are retried on fresh state this many times. */
    private static final int MAX_ATTEMPTS = 3;

    private final QuestionStore store;
    private final Clock clock;

    QuestionService(QuestionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public QuestionView create(Caller caller, QuestionRequest request) {
        QuestionContent content = QuestionRules.toContent(request);
        Instant now = clock.instant();
        QuestionDocument question = new QuestionDocument(Ids.newId("q"), caller.tenantId(), 1, QuestionStatus.DRAFT,
                content, null, List.of(), 0, now, now, null, null);
        store.insert(question);
        return QuestionView.of(question);
    }

    public List<QuestionView> list(Caller caller, QuestionStatus status, String tag, int limit) {
        return store.list(caller.tenantId(), status, tag, limit).stream().map(QuestionView::of).toList();
    }

    public QuestionView get(Caller caller, String id) {
        return QuestionView.of(load(caller, id));
    }

    public PublishedQuestionView publishedVersion(Caller caller, String id, int version) {
        return store.findWithHistory(caller.tenantId(), id)
                .flatMap(question -> question.published(version))
                .map(PublishedQuestionView::of)
                .orElseThrow(() -> ProblemException.notFound("Published question version", id + " v" + version));
    }

    /** A draft is replaced in place; a published version stays frozen and the edit becomes the next version. */
    public QuestionView replace(Caller caller, String id, QuestionRequest request) {
        QuestionContent content = QuestionRules.toContent(request);
        return changeWithRetry(caller, id, question -> {
            Instant now = clock.instant();
            return switch (question.status()) {
                case RETIRED -> throw retired(id, "edited");
                case DRAFT -> store.updateIfUnchanged(question, new Update()
                        .set("content", content)
                        .set("updatedAt", now));
                case PUBLISHED -> {
                    if (question.version() >= QuestionDocument.MAX_VERSIONS) {
                        throw ProblemException.conflict("version-limit", "Question '" + id + "' has reached "
                                + QuestionDocument.MAX_VERSIONS + " versions; create a new question instead.");
                    }
                    yield store.updateIfUnchanged(question, new Update()
                            .set("content", content)
                            .set("version", question.version() + 1)
                            .set("status", QuestionStatus.DRAFT)
                            .set("updatedAt", now)
                            .unset("publishedAt"));
                }
            };
        });
    }

    /** Idempotent: publishing the already published current version changes nothing and emits nothing. */
    public QuestionView publish(Caller caller, String id) {
        return changeWithRetry(caller, id, question -> switch (question.status()) {
            case PUBLISHED -> Optional.of(question);
            case RETIRED -> throw retired(id, "published");
            case DRAFT -> {
                Instant now = clock.instant();
                PublishedQuestion frozen = new PublishedQuestion(id, question.version(), question.content(), now);
                Update update = new Update()
                        .set("status", QuestionStatus.PUBLISHED)
                        .set("publishedVersion", question.version())
                        .set("publishedAt", now)
                        .set("updatedAt", now)
                        .push("publishedVersions", frozen);
                yield store.updateIfUnchanged(question,
                        Outbox.append(update, QuestionEvents.published(frozen, caller.tenantId())));
            }
        });
    }

    /** Idempotent: retiring a retired question changes nothing and emits nothing. */
    public QuestionView retire(Caller caller, String id) {
        return changeWithRetry(caller, id, question -> {
            if (question.status() == QuestionStatus.RETIRED) {
                return Optional.of(question);
            }
            Instant now = clock.instant();
            // Consumers only know published versions, so name the newest of those when there is one.
            int version = question.publishedVersion() != null ? question.publishedVersion() : question.version();
            Update update = new Update()
                    .set("status", QuestionStatus.RETIRED)
                    .set("retiredAt", now)
                    .set("updatedAt", now);
            return store.updateIfUnchanged(question,
                    Outbox.append(update, QuestionEvents.retired(id, version, caller.tenantId(), now)));
        });
    }

    private QuestionView changeWithRetry(Caller caller, String id,
                                         Function<QuestionDocument, Optional<QuestionDocument>> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<QuestionDocument> changed = change.apply(load(caller, id));
            if (changed.isPresent()) {
                return QuestionView.of(changed.get());
            }
        }
        throw ProblemException.conflict("concurrent-modification",
                "Question '" + id + "' is being changed concurrently; retry the request.");
    }

    private QuestionDocument load(Caller caller, String id) {
        return store.find(caller.tenantId(), id).orElseThrow(() -> ProblemException.notFound("Question", id));
    }

    private static ProblemException retired(String id, String action) {
        return ProblemException.conflict("question-retired",
                "Question '" + id + "' is retired and can no longer be " + action + ".");
    }
}
