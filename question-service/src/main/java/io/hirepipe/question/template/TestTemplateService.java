package io.hirepipe.question.template;

import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.question.Ids;
import io.hirepipe.question.bank.PublishedQuestion;
import io.hirepipe.question.bank.QuestionCatalog;
import io.hirepipe.question.bank.QuestionDocument;
import io.hirepipe.question.bank.QuestionStatus;
import io.hirepipe.question.template.TestTemplateDocument.QuestionRef;
import io.hirepipe.question.template.TestTemplateDocument.Section;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Creates tests from published questions and serves them, without answer keys, for delivery. */
@Service
class TestTemplateService {

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
        List<String> ids = request.questionIds();
        requireWellFormed(ids);
        Map<String, QuestionDocument> found = catalog.withHistory(caller.tenantId(), ids);
        requireAllUsable(ids, found);

        List<Section> sections = new ArrayList<>();
        int totalPoints = 0;
        for (TestTemplateRequest.SectionInput input : request.sections()) {
            List<QuestionRef> refs = new ArrayList<>();
            for (String id : input.questionIds()) {
                PublishedQuestion pinned = found.get(id).usableInNewTests().orElseThrow();
                refs.add(new QuestionRef(id, pinned.version()));
                totalPoints += pinned.content().points();
            }
            sections.add(new Section(input.title(), refs));
        }
        TestTemplateDocument test = new TestTemplateDocument(Ids.newId("t"), caller.tenantId(), request.title(),
                request.description(), request.durationMinutes(), request.passMarkPercent(), sections, totalPoints,
                clock.instant());
        store.insert(test);
        return TestTemplateView.of(test);
    }

    List<TestTemplateView> list(Caller caller, int limit) {
        return store.list(caller.tenantId(), limit).stream().map(TestTemplateView::of).toList();
    }

    TestTemplateView get(Caller caller, String id) {
        return TestTemplateView.of(load(caller, id));
    }

    /** The pinned versions as the candidate will see them: never the answer key or the rubric. */
    TestDelivery delivery(Caller caller, String id) {
        TestTemplateDocument test = load(caller, id);
        List<QuestionRef> refs = test.questionRefs();
        Map<String, QuestionDocument> questions = catalog.withHistory(caller.tenantId(),
                refs.stream().map(QuestionRef::questionId).toList());
        List<TestDelivery.DeliveredQuestion> delivered = refs.stream()
                .map(ref -> deliver(ref, questions.get(ref.questionId())))
                .toList();
        return new TestDelivery(test.id(), test.title(), test.durationMinutes(), test.passMarkPercent(), delivered);
    }

    private static TestDelivery.DeliveredQuestion deliver(QuestionRef ref, QuestionDocument question) {
        // Published versions are immutable and never removed, so a pinned one missing is a bug, not bad input.
        PublishedQuestion published = (question == null ? null : question.published(ref.version()).orElse(null));
        if (published == null) {
            throw new IllegalStateException("Pinned question " + ref.questionId() + " v" + ref.version()
                    + " has no published version");
        }
        return new TestDelivery.DeliveredQuestion(ref.questionId(), ref.version(), published.content().kind(),
                published.content().title(), published.content().prompt(), published.content().options(),
                published.content().points(), published.content().promptHtml());
    }

    private TestTemplateDocument load(Caller caller, String id) {
        return store.find(caller.tenantId(), id).orElseThrow(() -> ProblemException.notFound("Test", id));
    }

    private static void requireWellFormed(List<String> ids) {
        if (ids.size() > MAX_QUESTIONS) {
            throw invalidSections("a test has at most " + MAX_QUESTIONS + " questions in all, got " + ids.size());
        }
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        ids.stream().filter(id -> !seen.add(id)).forEach(repeated::add);
        if (!repeated.isEmpty()) {
            throw invalidSections("a question may appear only once in a test; repeated: " + repeated);
        }
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

    private static ProblemException invalidSections(String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "sections: " + message)
                .with("errors", List.of(Map.of("field", "sections", "message", message)));
    }
}
