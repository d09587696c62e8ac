package io.hirepipe.question.transfer;

import io.swagger.v3.oas.annotations.media.Schema;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.question.bank.QuestionDocument;
import io.hirepipe.question.bank.QuestionRequest;
import io.hirepipe.question.bank.QuestionRequests;
import io.hirepipe.question.bank.QuestionRules;
import io.hirepipe.question.bank.QuestionService;
import io.hirepipe.question.starter.StarterBank;
import org.springframework.stereotype.Service;

import io.hirepipe.question.template.TestTemplateRequest;
import io.hirepipe.question.template.TestTemplateService;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Export and import of questions (and, if asked, tests) as JSON, in the starter bank's file format: each
 * question and test keyed by its id in the exporting tenant, tests naming their questions by those keys.
 * Importing gives everything a new id in the importing tenant and remembers the key, so importing the same
 * file again adds nothing. Imported tests are drafts that point at the imported questions, which a test
 * needs published: a file with tests is imported with {@code publish=true}.
 */
@Service
public class JsonTransfer {

    static final int MAX_QUESTIONS = 1_000;
    static final int MAX_TESTS = 200;
    static final String SOURCE_PREFIX = "import:";
    static final int FILE_VERSION = 1;

    private final QuestionService questions;
    private final QuestionRequests requests;
    private final TestTemplateService testTemplates;
    private final Validator validator;
    private final ImportClaims claims;

    JsonTransfer(QuestionService questions, QuestionRequests requests, TestTemplateService testTemplates,
                 Validator validator, ImportClaims claims) {
        this.questions = questions;
        this.requests = requests;
        this.testTemplates = testTemplates;
        this.validator = validator;
        this.claims = claims;
    }

    /** @param ids the selection, or null for the whole bank (newest first, at most {@value #MAX_QUESTIONS}) */
    StarterBank export(Caller caller, List<String> ids) {
        return export(caller, ids, false);
    }

    /**
     * @param withTests also the tenant's tests that are not retired (at most {@value #MAX_TESTS}), with the
     *                  questions their fixed sections name added to the selection. A test's fixed questions go
     *                  out with their latest content, which a recreated test pins.
     */
    StarterBank export(Caller caller, List<String> ids, boolean withTests) {
        List<TestTemplateService.ExportedTest> tests = withTests ? testTemplates.forExport(caller, MAX_TESTS) : List.of();
        List<String> selection = ids;
        if (ids != null && !tests.isEmpty()) {
            Set<String> union = new LinkedHashSet<>(ids);
            tests.forEach(test -> union.addAll(test.request().questionIds()));
            selection = List.copyOf(union);
        }
        List<QuestionDocument> found = questions.forExport(caller, selection, MAX_QUESTIONS);
        List<StarterBank.BankQuestion> exported = found.stream().map(JsonTransfer::exported).toList();
        return new StarterBank(FILE_VERSION, null, exported, tests.stream().map(JsonTransfer::exported).toList());
    }

    private static StarterBank.BankTest exported(TestTemplateService.ExportedTest test) {
        TestTemplateRequest r = test.request();
        return new StarterBank.BankTest(test.id(), r.title(), r.description(), r.instructions(), r.durationMinutes(),
                r.passMarkPercent(), r.sections().stream().map(s -> new StarterBank.BankSection(s.title(),
                        s.questionIds(), s.pool())).toList(), r.shuffleQuestions(), r.shuffleOptions());
    }

    private static StarterBank.BankQuestion exported(QuestionDocument question) {
        QuestionRequest r = QuestionRequests.of(question.content());
        return new StarterBank.BankQuestion(question.id(), r.kind(), r.title(), r.prompt(), r.options(),
                r.correctOptionIds(), r.rubric(), r.points(), r.tags(), r.choiceScoring(), r.category(),
                r.difficulty(), r.suggestedTimeSeconds(), r.whyWeAsk());
    }

    record ImportedQuestion(@Schema(example = "rate-limiter") String key,
                            @Schema(example = "q_4GkR7wP2xYb9LmN3") String id,
                            @Schema(example = "CREATED", allowableValues = {"CREATED", "ALREADY_IMPORTED"}) String outcome) {
    }

    record ImportedTest(@Schema(example = "backend-basics") String key,
                        @Schema(example = "t_8ZpQ3vN6cJw1TfHs") String id,
                        @Schema(example = "CREATED", allowableValues = {"CREATED", "ALREADY_IMPORTED"}) String outcome) {
    }

    /** @param created, alreadyImported questions; {@code testsCreated} and {@code tests} for the file's tests */
    record ImportReport(@Schema(example = "12") int created,
                        @Schema(example = "1") int alreadyImported,
                        List<ImportedQuestion> questions,
                        @Schema(example = "1") int testsCreated,
                        List<ImportedTest> tests) {
    }

    /** All or nothing: every question is checked before the first is stored. */
    ImportReport importFile(Caller caller, StarterBank file, boolean publish) {
        // A later format may say things this one cannot read; guessing would import them half understood.
        if (file != null && file.version() != FILE_VERSION) {
            throw invalid("version", "this service reads bank files of version " + FILE_VERSION + ", not "
                    + file.version());
        }
        if (file == null || file.questions().isEmpty()) {
            throw invalid("questions", "the file has no questions");
        }
        if (file.questions().size() > MAX_QUESTIONS) {
            throw invalid("questions", "at most " + MAX_QUESTIONS + " questions per import, got " + file.questions().size());
        }
        List<QuestionRules.Violation> violations = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < file.questions().size(); i++) {
            StarterBank.BankQuestion question = file.questions().get(i);
            String path = "questions[" + i + "]";
            if (question == null) {
                violations.add(new QuestionRules.Violation(path, "must be a question object"));
                continue;
            }
            checkKey(path, "question", question.key(), keys, violations);
            // Only drafts may lack a rubric: a free-text question is published with one.
            violations.addAll(requests.violations(path, question.toRequest(), policy(publish)));
        }
        violations.addAll(testViolations(file, keys, publish));
        if (!violations.isEmpty()) {
            throw QuestionRules.invalid(violations);
        }
        return claims.exclusively(caller.tenantId(), () -> {
            ImportReport stored = storeClaimed(caller, file.questions(), publish, SOURCE_PREFIX);
            return file.tests().isEmpty() ? stored : storeTests(caller, file.tests(), stored);
        });
    }

    /** A key names one question (or test) of the file: present, short, and not repeated. */
    private static void checkKey(String path, String what, String key, Set<String> seen,
                                 List<QuestionRules.Violation> violations) {
        if (key == null || key.isBlank() || key.length() > 100) {
            violations.add(new QuestionRules.Violation(path + ".key", "every " + what + " needs a key of 1 to 100 characters"));
        } else if (!seen.add(key)) {
            violations.add(new QuestionRules.Violation(path + ".key", "key '" + key + "' repeats"));
        }
    }

    private List<QuestionRules.Violation> testViolations(StarterBank file, Set<String> questionKeys, boolean publish) {
        List<QuestionRules.Violation> violations = new ArrayList<>();
        if (file.tests().isEmpty()) {
            return violations;
        }
        if (!publish) {
            violations.add(new QuestionRules.Violation("publish", "a test needs its questions published: "
                    + "import a file with tests with publish=true"));
        }
        if (file.tests().size() > MAX_TESTS) {
            violations.add(new QuestionRules.Violation("tests", "at most " + MAX_TESTS + " tests per import, got "
                    + file.tests().size()));
            return violations;
        }
        Set<String> testKeys = new HashSet<>();
        for (int i = 0; i < file.tests().size(); i++) {
            StarterBank.BankTest test = file.tests().get(i);
            String path = "tests[" + i + "]";
            if (test == null) {
                violations.add(new QuestionRules.Violation(path, "must be a test object"));
                continue;
            }
            checkKey(path, "test", test.key(), testKeys, violations);
            validator.validate(test.toRequest(Map.of(), true)).stream()
                    .map(v -> new QuestionRules.Violation(path + "." + v.getPropertyPath(), v.getMessage()))
                    .sorted(Comparator.comparing(QuestionRules.Violation::field))
                    .forEach(violations::add);
            List<StarterBank.BankSection> sections = test.sections() == null ? List.of() : test.sections();
            for (int j = 0; j < sections.size(); j++) {
                StarterBank.BankSection section = sections.get(j);
                List<String> unknown = section == null || section.questionKeys() == null ? List.of()
                        : section.questionKeys().stream().filter(k -> !questionKeys.contains(k)).distinct().toList();
                if (!unknown.isEmpty()) {
                    violations.add(new QuestionRules.Violation(path + ".sections[" + j + "].questionKeys",
                            "names questions that are not in the file: " + unknown));
                }
            }
        }
        return violations;
    }

    /** Creates the file's tests as drafts pointing at the imported questions; those imported before are kept. */
    private ImportReport storeTests(Caller caller, List<StarterBank.BankTest> fileTests, ImportReport stored) {
        Map<String, String> idsByKey = new HashMap<>();
        stored.questions().forEach(row -> idsByKey.put(row.key(), row.id()));
        List<ImportedTest> rows = new ArrayList<>();
        int created = 0;
        for (StarterBank.BankTest test : fileTests) {
            String sourceKey = SOURCE_PREFIX + test.key();
            Optional<String> existing = testTemplates.idBySourceKey(caller, sourceKey);
            if (existing.isPresent()) {
                rows.add(new ImportedTest(test.key(), existing.get(), "ALREADY_IMPORTED"));
                continue;
            }
            rows.add(new ImportedTest(test.key(), testTemplates.insert(caller, test.toRequest(idsByKey, true), sourceKey),
                    "CREATED"));
            created++;
        }
        return new ImportReport(stored.created(), stored.alreadyImported(), stored.questions(), created, rows);
    }

    /**
     * Stores already checked questions; those imported before under the same key are kept as they are.
     *
     * @throws io.hirepipe.defaults.problem.ProblemException 409 {@code import-in-progress} while another import into
     *                                                       the tenant's bank runs
     */
    ImportReport store(Caller caller, List<StarterBank.BankQuestion> checked, boolean publish, String prefix) {
        return claims.exclusively(caller.tenantId(), () -> storeClaimed(caller, checked, publish, prefix));
    }

    private ImportReport storeClaimed(Caller caller, List<StarterBank.BankQuestion> checked, boolean publish,
                                      String prefix) {
        // One look-up and one write for the whole file: a query and three writes per question took longer than the
        // gateway waits for a 1,000-question file, and a query per question reads the whole collection each time
        // wherever the source-key index is not used (the local stack's MongoDB).
        Map<String, String> existing = questions.idsBySourceKey(caller,
                checked.stream().map(question -> prefix + question.key()).toList());
        Map<String, QuestionRequest> toCreate = new LinkedHashMap<>();
        for (StarterBank.BankQuestion question : checked) {
            String sourceKey = prefix + question.key();
            if (!existing.containsKey(sourceKey)) {
                toCreate.putIfAbsent(sourceKey, question.toRequest());
            }
        }
        Map<String, String> created = toCreate.isEmpty() ? Map.of()
                : questions.insertAll(caller, toCreate, policy(publish), publish);
        List<ImportedQuestion> rows = new ArrayList<>();
        for (StarterBank.BankQuestion question : checked) {
            String sourceKey = prefix + question.key();
            String existingId = existing.get(sourceKey);
            rows.add(existingId != null ? new ImportedQuestion(question.key(), existingId, "ALREADY_IMPORTED")
                    : new ImportedQuestion(question.key(), created.get(sourceKey), "CREATED"));
        }
        return new ImportReport(created.size(), rows.size() - created.size(), rows, 0, List.of());
    }

    private static QuestionRules.RubricPolicy policy(boolean publish) {
        return publish ? QuestionRules.RubricPolicy.REQUIRED : QuestionRules.RubricPolicy.MAY_BE_MISSING;
    }

    private static ProblemException invalid(String field, String message) {
        return QuestionRules.invalid(List.of(new QuestionRules.Violation(field, message)));
    }
}
