package io.hirepipe.question.transfer;

import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.question.bank.QuestionDocument;
import io.hirepipe.question.bank.QuestionRequest;
import io.hirepipe.question.bank.QuestionRequests;
import io.hirepipe.question.bank.QuestionRules;
import io.hirepipe.question.bank.QuestionService;
import io.hirepipe.question.starter.StarterBank;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Export and import of questions as JSON, in the starter bank's file format: each question keyed by its
 * id in the exporting tenant. Importing gives every question a new id in the importing tenant and
 * remembers the key, so importing the same file again adds nothing.
 */
@Service
public class JsonTransfer {

    static final int MAX_QUESTIONS = 1_000;
    static final String SOURCE_PREFIX = "import:";

    private final QuestionService questions;
    private final QuestionRequests requests;

    JsonTransfer(QuestionService questions, QuestionRequests requests) {
        this.questions = questions;
        this.requests = requests;
    }

    /** @param ids the selection, or null for the whole bank (newest first, at most {@value #MAX_QUESTIONS}) */
    StarterBank export(Caller caller, List<String> ids) {
        List<QuestionDocument> found = questions.forExport(caller, ids, MAX_QUESTIONS);
        List<StarterBank.BankQuestion> exported = found.stream().map(JsonTransfer::exported).toList();
        return new StarterBank(1, null, exported, List.of());
    }

    private static StarterBank.BankQuestion exported(QuestionDocument question) {
        QuestionRequest r = QuestionRequests.of(question.content());
        return new StarterBank.BankQuestion(question.id(), r.kind(), r.title(), r.prompt(), r.options(),
                r.correctOptionIds(), r.rubric(), r.points(), r.tags(), r.choiceScoring(), r.category(),
                r.difficulty(), r.suggestedTimeSeconds(), r.whyWeAsk());
    }

    record ImportedQuestion(String key, String id, String outcome) {
    }

    record ImportReport(int created, int alreadyImported, List<ImportedQuestion> questions) {
    }

    /** All or nothing: every question is checked before the first is stored. */
    ImportReport importFile(Caller caller, StarterBank file, boolean publish) {
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
                violations.add(new QuestionRules.Violation(path, "must not be null"));
                continue;
            }
            if (question.key() == null || question.key().isBlank() || question.key().length() > 100) {
                violations.add(new QuestionRules.Violation(path + ".key", "every question needs a key of 1 to 100 characters"));
            } else if (!keys.add(question.key())) {
                violations.add(new QuestionRules.Violation(path + ".key", "key '" + question.key() + "' repeats"));
            }
            // Only drafts may lack a rubric: a free-text question is published with one.
            violations.addAll(requests.violations(path, question.toRequest(), policy(publish)));
        }
        if (!violations.isEmpty()) {
            throw QuestionRules.invalid(violations);
        }
        return store(caller, file.questions(), publish, SOURCE_PREFIX);
    }

    /** Stores already checked questions; those imported before under the same key are kept as they are. */
    ImportReport store(Caller caller, List<StarterBank.BankQuestion> checked, boolean publish, String prefix) {
        List<ImportedQuestion> rows = new ArrayList<>();
        int created = 0;
        for (StarterBank.BankQuestion question : checked) {
            String sourceKey = prefix + question.key();
            Optional<QuestionDocument> existing = questions.findBySourceKey(caller, sourceKey);
            if (existing.isPresent()) {
                rows.add(new ImportedQuestion(question.key(), existing.get().id(), "ALREADY_IMPORTED"));
                continue;
            }
            String id = questions.insert(caller, question.toRequest(), sourceKey, null, policy(publish)).id();
            if (publish) {
                questions.publish(caller, id);
            }
            rows.add(new ImportedQuestion(question.key(), id, "CREATED"));
            created++;
        }
        return new ImportReport(created, rows.size() - created, rows);
    }

    private static QuestionRules.RubricPolicy policy(boolean publish) {
        return publish ? QuestionRules.RubricPolicy.REQUIRED : QuestionRules.RubricPolicy.MAY_BE_MISSING;
    }

    private static ProblemException invalid(String field, String message) {
        return QuestionRules.invalid(List.of(new QuestionRules.Violation(field, message)));
    }
}
