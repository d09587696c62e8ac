package io.hirepipe.question.template;

import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.web.Cursor;
import io.hirepipe.defaults.web.Page;
import io.hirepipe.question.Ids;
import io.hirepipe.defaults.web.IfMatch;
import io.hirepipe.question.bank.PublishedQuestion;
import io.hirepipe.question.bank.QuestionCatalog;
import io.hirepipe.question.bank.QuestionDocument;
import io.hirepipe.question.bank.QuestionStatus;
import io.hirepipe.question.bank.SearchTerms;
import io.hirepipe.question.bank.Tagged;
import io.hirepipe.question.template.TestDefinition.QuestionRef;
import io.hirepipe.question.template.TestDefinition.Section;
import io.hirepipe.question.template.TestTemplateDocument.PublishedTest;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Tests: written as drafts, published (frozen) versions that sessions start from, retired when no
 * longer offered. Serves a published version, without answer keys, for delivery, drawing the pools
 * and shuffles of each session from its id.
 */
@Service
public class TestTemplateService {

    static final int MAX_QUESTIONS = 100;

    private final TestTemplateStore store;
    private final QuestionCatalog catalog;
    private final Clock clock;

    TestTemplateService(TestTemplateStore store, QuestionCatalog catalog, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
    }

    TestTemplateView create(Caller caller, TestTemplateRequest request) {
        return TestTemplateView.of(insertDocument(caller, request, null));
    }

    /** Creates a test; published at once unless the request asks for a draft. Nothing is stored on a problem. */
    public String insert(Caller caller, TestTemplateRequest request, String sourceKey) {
        return insertDocument(caller, request, sourceKey).id();
    }

    private TestTemplateDocument insertDocument(Caller caller, TestTemplateRequest request, String sourceKey) {
        TestDefinition content = define(caller, request);
        boolean draft = Boolean.TRUE.equals(request.draft());
        if (!draft) {
            requirePoolsFillable(caller, content);
        }
        Instant now = clock.instant();
        TestTemplateDocument test = new TestTemplateDocument(Ids.newId("t"), caller.tenantId(), 1,
                draft ? TestStatus.DRAFT : TestStatus.PUBLISHED, content, draft ? null : 1,
                draft ? List.of() : List.of(new PublishedTest(1, content, now)), 0, now, now, draft ? null : now, null,
                sourceKey, termsOf(content), SearchTerms.VERSION);
        store.insert(test);
        return test;
    }

    /** A test as an export writes it: its id, and the request that would create its latest content again. */
    public record ExportedTest(String id, TestTemplateRequest request) {
    }

    /** Up to {@code max} of the tenant's tests that are not retired, newest first, as drafts to recreate. */
    public List<ExportedTest> forExport(Caller caller, int max) {
        return store.search(caller.tenantId(), null, List.of(), null, max).stream()
                .filter(test -> test.status() != TestStatus.RETIRED)
                .map(test -> new ExportedTest(test.id(), requestOf(test.content())))
                .toList();
    }

    private static TestTemplateRequest requestOf(TestDefinition content) {
        List<TestTemplateRequest.SectionInput> sections = content.sections().stream()
                .map(s -> s.pool() == null
                        ? new TestTemplateRequest.SectionInput(s.title(),
                                s.questions().stream().map(QuestionRef::questionId).toList(), null)
                        : new TestTemplateRequest.SectionInput(s.title(), null, new TestTemplateRequest.PoolInput(
                                s.pool().category(), s.pool().tags().isEmpty() ? null : s.pool().tags(),
                                s.pool().difficultyMin(), s.pool().difficultyMax(), s.pool().count())))
                .toList();
        return new TestTemplateRequest(content.title(), content.description(), content.instructions(),
                content.durationMinutes(), content.passMarkPercent(), sections, content.shuffleQuestions(),
                content.shuffleOptions(), true);
    }

    /** The id of the tenant's test installed from {@code sourceKey}, if any. */
    public Optional<String> idBySourceKey(Caller caller, String sourceKey) {
        return store.findBySourceKey(caller.tenantId(), sourceKey).map(TestTemplateDocument::id);
    }

    Page<TestTemplateView> search(Caller caller, TestStatus status, String q, String cursor, int limit) {
        List<String> terms = SearchTerms.ofQuery(q);
        if (terms.size() > SearchTerms.MAX_QUERY_TERMS) {
            throw ProblemException.badRequest("invalid-parameter", "Parameter 'q' has " + terms.size()
                    + " words; search with at most " + SearchTerms.MAX_QUERY_TERMS + ".").with("parameter", "q");
        }
        List<TestTemplateDocument> rows = store.search(caller.tenantId(), status, terms, Cursor.decode(cursor), limit + 1);
        return Page.of(rows, limit, t -> new Cursor(t.createdAt(), t.id()).encode()).map(TestTemplateView::of);
    }

    Tagged<TestTemplateView> get(Caller caller, String id) {
        TestTemplateDocument test = load(caller, id);
        return new Tagged<>(TestTemplateView.of(test), test.etag());
    }

    /** A draft is edited in place; editing a published test starts the next version as a draft. */
    Tagged<TestTemplateView> replace(Caller caller, String id, TestTemplateRequest request, IfMatch ifMatch) {
        TestDefinition content = define(caller, request);
        return change(caller, id, ifMatch, test -> {
            Instant now = clock.instant();
            return switch (test.status()) {
                case RETIRED -> throw retired(id, "edited");
                case DRAFT -> store.updateIfUnchanged(test, new Update().set("content", content)
                        .set("searchTerms", termsOf(content)).set("updatedAt", now));
                case PUBLISHED -> {
                    if (test.version() >= TestTemplateDocument.MAX_VERSIONS) {
                        throw ProblemException.conflict("version-limit", "Test '" + id + "' has reached "
                                + TestTemplateDocument.MAX_VERSIONS + " versions; create a new test instead.");
                    }
                    yield store.updateIfUnchanged(test, new Update().set("content", content)
                            .set("searchTerms", termsOf(content)).set("version", test.version() + 1)
                            .set("status", TestStatus.DRAFT).set("updatedAt", now));
                }
            };
        });
    }

    /** Freezes the draft as the version new sessions start from; refused while a pool cannot be filled. */
    Tagged<TestTemplateView> publish(Caller caller, String id, IfMatch ifMatch) {
        return change(caller, id, ifMatch, test -> switch (test.status()) {
            case PUBLISHED -> Optional.of(test);
            case RETIRED -> throw retired(id, "published");
            case DRAFT -> {
                requirePoolsFillable(caller, test.content());
                Instant now = clock.instant();
                yield store.updateIfUnchanged(test, new Update().set("status", TestStatus.PUBLISHED)
                        .set("publishedVersion", test.version()).set("publishedAt", now).set("updatedAt", now)
                        .push("publishedVersions", new PublishedTest(test.version(), test.content(), now)));
            }
        });
    }

    /** No new sessions start from a retired test's future versions; sessions already running keep theirs. */
    Tagged<TestTemplateView> retire(Caller caller, String id, IfMatch ifMatch) {
        return change(caller, id, ifMatch, test -> test.status() == TestStatus.RETIRED ? Optional.of(test)
                : store.updateIfUnchanged(test, new Update().set("status", TestStatus.RETIRED)
                .set("retiredAt", clock.instant()).set("updatedAt", clock.instant())));
    }

    /** Only a test that was never published may be deleted: sessions may refer to a published one. */
    void delete(Caller caller, String id, IfMatch ifMatch) {
        TestTemplateDocument test = load(caller, id);
        ifMatch.require(test.etag(), "Test '" + id + "'");
        if (test.publishedVersion() != null) {
            throw ProblemException.conflict("test-published", "Test '" + id
                    + "' has been published, so sessions may refer to it; retire it instead of deleting it.");
        }
        if (!store.deleteDraftIfUnchanged(test)) {
            throw IfMatch.stale("Test '" + id + "'");
        }
    }

    /** The newest published version as a view, whatever draft of a later version is being edited. */
    TestTemplateView published(Caller caller, String id) {
        TestTemplateDocument test = load(caller, id);
        PublishedTest published = test.latestPublished().orElseThrow(() -> ProblemException.conflict(
                "test-not-published", "Test '" + id + "' has no published version yet."));
        return TestTemplateView.ofPublished(test, published);
    }

    /**
     * The newest published version as the candidate of session {@code sessionId} will see it: pools drawn
     * from the questions published now, order and options shuffled as the test says, all seeded from the
     * session id. Never the answer key or the rubric.
     */
    TestDelivery delivery(Caller caller, String id, String sessionId) {
        TestTemplateDocument test = load(caller, id);
        PublishedTest published = test.latestPublished().orElseThrow(() -> ProblemException.conflict(
                "test-not-published", "Test '" + id + "' has no published version yet."));
        TestDefinition content = published.content();
        boolean hasPool = content.sections().stream().anyMatch(s -> s.pool() != null);
        boolean perSession = hasPool || content.shuffleQuestions();
        if (perSession && (sessionId == null || sessionId.isBlank())) {
            throw ProblemException.badRequest("session-id-required", "Test '" + id
                    + "' draws questions per session; pass the session id as parameter 'sessionId'.")
                    .with("parameter", "sessionId");
        }
        SessionDraw draw = new SessionDraw(sessionId == null ? "" : sessionId);
        Map<String, QuestionDocument> fixed = catalog.withHistory(caller.tenantId(),
                content.fixedRefs().stream().map(QuestionRef::questionId).toList());
        Set<String> used = new HashSet<>(fixed.keySet());
        List<TestDelivery.DeliveredQuestion> delivered = new ArrayList<>();
        for (int i = 0; i < content.sections().size(); i++) {
            Section section = content.sections().get(i);
            List<PublishedQuestion> questions = new ArrayList<>();
            if (section.pool() != null) {
                PoolRule rule = section.pool();
                List<PublishedQuestion> candidates = catalog.poolCandidates(caller.tenantId(), rule.category(),
                        rule.tags(), rule.difficultyMin(), rule.difficultyMax()).stream()
                        .filter(q -> !used.contains(q.questionId())).toList();
                if (candidates.size() < rule.count()) {
                    // Questions were retired since the test was published; the recruiter must widen the rule.
                    throw ProblemException.conflict("pool-cannot-be-filled", "Section '" + section.title() + "' of test '"
                            + id + "' cannot be drawn now: " + rule.describe() + ", but only " + candidates.size()
                            + " published questions match.").with("field", "sections[" + i + "].pool");
                }
                questions.addAll(draw.pick(candidates, rule.count(), published.version() + "/" + i));
            } else {
                for (QuestionRef ref : section.questions()) {
                    questions.add(pinned(ref, fixed.get(ref.questionId())));
                }
            }
            questions.forEach(q -> used.add(q.questionId()));
            if (content.shuffleQuestions()) {
                questions = draw.shuffled(questions, "order/" + published.version() + "/" + i);
            }
            questions.forEach(q -> delivered.add(deliver(q)));
        }
        return new TestDelivery(test.id(), content.title(), content.durationMinutes(), content.passMarkPercent(),
                delivered, published.version(), perSession, content.shuffleOptions(), content.instructions(), hasPool);
    }

    private static PublishedQuestion pinned(QuestionRef ref, QuestionDocument question) {
        // Published versions are immutable and never removed, so a pinned one missing is a bug, not bad input.
        return (question == null ? Optional.<PublishedQuestion>empty() : question.published(ref.version()))
                .orElseThrow(() -> new IllegalStateException("Pinned question " + ref.questionId() + " v"
                        + ref.version() + " has no published version"));
    }

    private static TestDelivery.DeliveredQuestion deliver(PublishedQuestion published) {
        return new TestDelivery.DeliveredQuestion(published.questionId(), published.version(),
                published.content().kind(), published.content().title(), published.content().prompt(),
                published.content().options(), published.content().points(), published.content().promptHtml());
    }

    private Tagged<TestTemplateView> change(Caller caller, String id, IfMatch ifMatch,
                                            Function<TestTemplateDocument, Optional<TestTemplateDocument>> change) {
        TestTemplateDocument changed = ifMatch.write("Test '" + id + "'", () -> load(caller, id),
                TestTemplateDocument::etag, change);
        return new Tagged<>(TestTemplateView.of(changed), changed.etag());
    }

    /** Checks the sections and pins each fixed question to its newest published version. */
    private TestDefinition define(Caller caller, TestTemplateRequest request) {
        List<String> ids = request.questionIds();
        int pooled = 0;
        for (int i = 0; i < request.sections().size(); i++) {
            TestTemplateRequest.SectionInput section = request.sections().get(i);
            boolean hasIds = section.questionIds() != null && !section.questionIds().isEmpty();
            if (hasIds && section.pool() != null) {
                throw invalid("sections[" + i + "].pool", "a section has either questionIds or a pool, not both");
            }
            if (!hasIds && section.pool() == null) {
                throw invalid("sections[" + i + "].questionIds", "a section needs 1 to 100 questionIds, or a pool");
            }
            if (section.pool() != null) {
                pooled += section.pool().count();
                checkPoolRule(section.pool(), i);
            }
        }
        if (ids.size() + pooled > MAX_QUESTIONS) {
            throw invalid("sections", "a test has at most " + MAX_QUESTIONS + " questions in all, got "
                    + (ids.size() + pooled));
        }
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        ids.stream().filter(qid -> !seen.add(qid)).forEach(repeated::add);
        if (!repeated.isEmpty()) {
            throw invalid("sections", "a question may appear only once in a test; repeated: " + repeated);
        }
        Map<String, QuestionDocument> found = catalog.withHistory(caller.tenantId(), ids);
        requireAllUsable(ids, found);

        List<Section> sections = new ArrayList<>();
        int totalPoints = 0;
        for (TestTemplateRequest.SectionInput input : request.sections()) {
            if (input.pool() != null) {
                sections.add(new Section(input.title(), List.of(), ruleOf(input.pool())));
                continue;
            }
            List<QuestionRef> refs = new ArrayList<>();
            for (String qid : input.questionIds()) {
                PublishedQuestion pinned = found.get(qid).usableInNewTests().orElseThrow();
                refs.add(new QuestionRef(qid, pinned.version()));
                totalPoints += pinned.content().points();
            }
            sections.add(new Section(input.title(), refs, null));
        }
        return new TestDefinition(request.title(), request.description(), blankToNull(request.instructions()),
                request.durationMinutes(), request.passMarkPercent(), sections,
                Boolean.TRUE.equals(request.shuffleQuestions()), !Boolean.FALSE.equals(request.shuffleOptions()),
                totalPoints);
    }

    /** Rules that no bank could ever satisfy are refused when written, not when published. */
    private static void checkPoolRule(TestTemplateRequest.PoolInput pool, int index) {
        int min = pool.difficultyMin() == null ? 1 : pool.difficultyMin();
        int max = pool.difficultyMax() == null ? 5 : pool.difficultyMax();
        if (min > max) {
            throw invalid("sections[" + index + "].pool.difficultyMin", "difficulty " + min + "-" + max
                    + " is an empty range, so this pool can never be filled");
        }
    }

    private static PoolRule ruleOf(TestTemplateRequest.PoolInput pool) {
        return new PoolRule(pool.category().trim().toLowerCase(Locale.ROOT),
                pool.tags() == null ? List.of() : List.copyOf(new LinkedHashSet<>(pool.tags())),
                pool.difficultyMin() == null ? 1 : pool.difficultyMin(),
                pool.difficultyMax() == null ? 5 : pool.difficultyMax(), pool.count());
    }

    /**
     * Every pool must be fillable from the questions published now, fixed questions of the test aside, and
     * the pools together must not need more distinct questions than they can reach. The 422 names the rule.
     */
    private void requirePoolsFillable(Caller caller, TestDefinition content) {
        Set<String> fixedIds = new HashSet<>(content.fixedRefs().stream().map(QuestionRef::questionId).toList());
        Set<String> reachable = new HashSet<>();
        int needed = 0;
        for (int i = 0; i < content.sections().size(); i++) {
            PoolRule rule = content.sections().get(i).pool();
            if (rule == null) {
                continue;
            }
            List<String> candidates = catalog.poolCandidates(caller.tenantId(), rule.category(), rule.tags(),
                    rule.difficultyMin(), rule.difficultyMax()).stream()
                    .map(PublishedQuestion::questionId).filter(qid -> !fixedIds.contains(qid)).toList();
            if (candidates.size() < rule.count()) {
                throw poolShort("sections[" + i + "].pool", "Section '" + content.sections().get(i).title() + "': "
                        + rule.describe() + ", but only " + candidates.size() + " published questions match.");
            }
            reachable.addAll(candidates);
            needed += rule.count();
        }
        if (reachable.size() < needed) {
            throw poolShort("sections", "The pools together draw " + needed + " questions but only "
                    + reachable.size() + " distinct published questions match their rules.");
        }
    }

    private static ProblemException poolShort(String field, String message) {
        return ProblemException.unprocessable("pool-cannot-be-filled", message)
                .with("errors", List.of(Map.of("field", field, "message", message)));
    }

    /** Every id must name a published, non-retired question of the caller's tenant; the 422 names the others. */
    private static void requireAllUsable(List<String> ids, Map<String, QuestionDocument> found) {
        List<String> unknown = new ArrayList<>();
        List<String> unpublished = new ArrayList<>();
        List<String> retired = new ArrayList<>();
        for (String id : ids) {
            QuestionDocument question = found.get(id);
            if (question == null) {
                unknown.add(id); // also other tenants' ids: their existence is not revealed
            } else if (question.status() == QuestionStatus.RETIRED) {
                retired.add(id);
            } else if (question.usableInNewTests().isEmpty()) {
                unpublished.add(id);
            }
        }
        if (unknown.isEmpty() && unpublished.isEmpty() && retired.isEmpty()) {
            return;
        }
        List<String> reasons = new ArrayList<>();
        if (!unknown.isEmpty()) {
            reasons.add("unknown questions " + unknown);
        }
        if (!unpublished.isEmpty()) {
            reasons.add("never published " + unpublished);
        }
        if (!retired.isEmpty()) {
            reasons.add("retired " + retired);
        }
        throw ProblemException.unprocessable("questions-not-usable",
                        "Every question of a test must exist and be published: " + String.join("; ", reasons) + ".")
                .with("unknownQuestionIds", unknown)
                .with("unpublishedQuestionIds", unpublished)
                .with("retiredQuestionIds", retired);
    }

    private TestTemplateDocument load(Caller caller, String id) {
        return store.find(caller.tenantId(), id).orElseThrow(() -> ProblemException.notFound("Test", id));
    }

    static List<String> termsOf(TestDefinition content) {
        return SearchTerms.of(content.title(), content.description());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static ProblemException retired(String id, String action) {
        return ProblemException.conflict("test-retired", "Test '" + id + "' is retired and can no longer be "
                + action + ".");
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", field + ": " + message)
                .with("errors", List.of(Map.of("field", field, "message", message)));
    }
}
