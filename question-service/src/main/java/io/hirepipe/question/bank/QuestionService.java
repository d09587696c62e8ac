package io.hirepipe.question.bank;

import io.hirepipe.defaults.web.IfMatch;
import io.hirepipe.defaults.outbox.Outbox;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.web.Cursor;
import io.hirepipe.defaults.web.Page;
import io.hirepipe.question.Ids;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The question lifecycle: DRAFT (edited in place) → PUBLISHED (frozen; editing starts version+1
 * as a draft) → RETIRED. Publishing and retiring write their event into the question's outbox in
 * the same single-document update as the state change.
 */
@Service
public class QuestionService {

    private final QuestionStore store;
    private final Clock clock;

    QuestionService(QuestionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public QuestionView create(Caller caller, QuestionRequest request) {
        return QuestionView.of(insert(caller, request, null, null));
    }

    /**
     * Creates a question remembered by {@code sourceKey} (starter bank, imports); null for none.
     * The caller checks first that no question has the key yet.
     */
    public QuestionDocument insert(Caller caller, QuestionRequest request, String sourceKey, String author) {
        return insert(caller, request, sourceKey, author, QuestionRules.RubricPolicy.REQUIRED);
    }

    /** Creates a draft; with {@code MAY_BE_MISSING}, a free-text one without rubric (imports). */
    public QuestionDocument insert(Caller caller, QuestionRequest request, String sourceKey, String author,
                                   QuestionRules.RubricPolicy policy) {
        QuestionContent content = QuestionRules.toContent(request, author == null ? Authors.of(caller) : author,
                policy);
        Instant now = clock.instant();
        QuestionDocument question = new QuestionDocument(Ids.newId("q"), caller.tenantId(), 1, QuestionStatus.DRAFT,
                content, null, List.of(), 0, now, now, null, null, QuestionDocument.searchTermsOf(content), sourceKey,
                SearchTerms.VERSION);
        store.insert(question);
        return question;
    }

    public Optional<QuestionDocument> findBySourceKey(Caller caller, String sourceKey) {
        return store.findBySourceKey(caller.tenantId(), sourceKey);
    }

    /**
     * Creates questions remembered by their source keys (imports) in one batched write, in the map's order; with
     * {@code publish} each is published as its version 1 in that same write, its event in its outbox.
     *
     * @return the new questions' ids by source key
     */
    public Map<String, String> insertAll(Caller caller, Map<String, QuestionRequest> requestsBySourceKey,
                                         QuestionRules.RubricPolicy policy, boolean publish) {
        Instant now = clock.instant();
        String author = Authors.of(caller);
        List<QuestionDocument> created = new ArrayList<>(requestsBySourceKey.size());
        Map<String, String> ids = new LinkedHashMap<>();
        requestsBySourceKey.forEach((sourceKey, request) -> {
            QuestionContent content = QuestionRules.toContent(request, author, policy);
            String id = Ids.newId("q");
            if (publish) {
                QuestionRules.requirePublishable(id, content);
            }
            List<PublishedQuestion> published = publish ? List.of(new PublishedQuestion(id, 1, content, now)) : List.of();
            created.add(new QuestionDocument(id, caller.tenantId(), 1,
                    publish ? QuestionStatus.PUBLISHED : QuestionStatus.DRAFT, content, publish ? 1 : null, published,
                    0, now, now, publish ? now : null, null, QuestionDocument.searchTermsOf(content), sourceKey,
                    SearchTerms.VERSION));
            ids.put(sourceKey, id);
        });
        store.insertAll(created, question -> question.publishedVersions().isEmpty() ? List.of()
                : Outbox.messages(QuestionEvents.published(question.publishedVersions().get(0), caller.tenantId())));
        return ids;
    }

    /** The ids of questions installed or imported before under any of {@code sourceKeys}, by source key. */
    public Map<String, String> idsBySourceKey(Caller caller, Collection<String> sourceKeys) {
        return store.idsBySourceKey(caller.tenantId(), sourceKeys);
    }

    public Page<QuestionView> search(Caller caller, QuestionFilter filter, String cursor, int limit) {
        Cursor after = Cursor.decode(cursor);
        List<QuestionDocument> rows = store.search(caller.tenantId(), filter, after, limit + 1);
        return Page.of(rows, limit, q -> new Cursor(q.createdAt(), q.id()).encode()).map(QuestionView::of);
    }

    /** Up to {@code max} of the tenant's questions (all when {@code ids} is null), newest first. */
    public List<QuestionDocument> forExport(Caller caller, List<String> ids, int max) {
        if (ids != null) {
            return store.findAllWithHistory(caller.tenantId(), ids).stream().limit(max).toList();
        }
        return store.search(caller.tenantId(), QuestionFilter.any(), null, max);
    }

    public QuestionView get(Caller caller, String id) {
        return QuestionView.of(load(caller, id));
    }

    /** The question with its entity tag, for a GET that sends an ETag. */
    public Tagged<QuestionView> getTagged(Caller caller, String id) {
        QuestionDocument question = load(caller, id);
        return new Tagged<>(QuestionView.of(question), question.etag());
    }

    /** Every published version, oldest first; a draft never published has none. */
    public List<PublishedQuestionView> publishedVersions(Caller caller, String id) {
        QuestionDocument question = store.findWithHistory(caller.tenantId(), id)
                .orElseThrow(() -> ProblemException.notFound("Question", id));
        return question.publishedVersions() == null ? List.of()
                : question.publishedVersions().stream().map(PublishedQuestionView::of).toList();
    }

    public PublishedQuestionView publishedVersion(Caller caller, String id, int version) {
        return store.findWithHistory(caller.tenantId(), id)
                .flatMap(question -> question.published(version))
                .map(PublishedQuestionView::of)
                .orElseThrow(() -> ProblemException.notFound("Published question version", id + " v" + version));
    }

    public QuestionView replace(Caller caller, String id, QuestionRequest request) {
        return replace(caller, id, request, IfMatch.ANY).value();
    }

    /** A draft is replaced in place; a published version stays frozen and the edit becomes the next version. */
    public Tagged<QuestionView> replace(Caller caller, String id, QuestionRequest request, IfMatch ifMatch) {
        QuestionContent content = QuestionRules.toContent(request, Authors.of(caller));
        List<String> terms = QuestionDocument.searchTermsOf(content);
        return changeWithRetry(caller, id, ifMatch, question -> {
            Instant now = clock.instant();
            return switch (question.status()) {
                case RETIRED -> throw retired(id, "edited");
                case DRAFT -> store.updateIfUnchanged(question, new Update()
                        .set("content", content)
                        .set("searchTerms", terms)
                        .set("updatedAt", now));
                case PUBLISHED -> {
                    if (question.version() >= QuestionDocument.MAX_VERSIONS) {
                        throw ProblemException.conflict("version-limit", "Question '" + id + "' has reached "
                                + QuestionDocument.MAX_VERSIONS + " versions; create a new question instead.");
                    }
                    yield store.updateIfUnchanged(question, new Update()
                            .set("content", content)
                            .set("searchTerms", terms)
                            .set("version", question.version() + 1)
                            .set("status", QuestionStatus.DRAFT)
                            .set("updatedAt", now)
                            .unset("publishedAt"));
                }
            };
        });
    }

    public QuestionView publish(Caller caller, String id) {
        return publish(caller, id, IfMatch.ANY).value();
    }

    /** Idempotent: publishing the already published current version changes nothing and emits nothing. */
    public Tagged<QuestionView> publish(Caller caller, String id, IfMatch ifMatch) {
        return changeWithRetry(caller, id, ifMatch, question -> switch (question.status()) {
            case PUBLISHED -> Optional.of(question);
            case RETIRED -> throw retired(id, "published");
            case DRAFT -> {
                QuestionRules.requirePublishable(id, question.content());
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

    public QuestionView retire(Caller caller, String id) {
        return retire(caller, id, IfMatch.ANY).value();
    }

    /** Idempotent: retiring a retired question changes nothing and emits nothing. */
    public Tagged<QuestionView> retire(Caller caller, String id, IfMatch ifMatch) {
        return changeWithRetry(caller, id, ifMatch, question -> {
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

    private Tagged<QuestionView> changeWithRetry(Caller caller, String id, IfMatch ifMatch,
                                                 Function<QuestionDocument, Optional<QuestionDocument>> change) {
        QuestionDocument changed = ifMatch.write("Question '" + id + "'", () -> load(caller, id),
                QuestionDocument::etag, change);
        return new Tagged<>(QuestionView.of(changed), changed.etag());
    }

    private QuestionDocument load(Caller caller, String id) {
        return store.find(caller.tenantId(), id).orElseThrow(() -> ProblemException.notFound("Question", id));
    }

    private static ProblemException retired(String id, String action) {
        return ProblemException.conflict("question-retired",
                "Question '" + id + "' is retired and can no longer be " + action + ".");
    }
}
