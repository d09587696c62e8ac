package io.hirepipe.question.starter;

import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.question.bank.QuestionDocument;
import io.hirepipe.question.bank.QuestionService;
import io.hirepipe.question.template.TestTemplateService;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Installs the starter bank into the caller's tenant: each question created and published, then the
 * tests built from them. Idempotent: what an earlier install created (found by its source key) is kept
 * as it is, even if the tenant edited it since, and only what is missing is added. Installs of one tenant
 * never overlap: a second one asked for meanwhile gets a 409 and may simply ask again.
 */
@Service
class StarterBankInstaller {

    static final String SOURCE_PREFIX = "starter:";

    private final StarterBank bank = StarterBank.load();
    private final QuestionService questions;
    private final TestTemplateService tests;
    private final StarterBankInstallClaims claims;

    StarterBankInstaller(QuestionService questions, TestTemplateService tests, StarterBankInstallClaims claims) {
        this.questions = questions;
        this.tests = tests;
        this.claims = claims;
    }

    record InstalledTest(String key, String id, String title) {
    }

    record InstallReport(int questionsInstalled, int questionsAlreadyPresent, int testsInstalled,
                         int testsAlreadyPresent, List<InstalledTest> tests) {
    }

    InstallReport install(Caller caller) {
        StarterBankInstallClaims.Claim claim = claims.claim(caller.tenantId()).orElseThrow(() -> {
            ProblemException busy = ProblemException.conflict("starter-bank-install-in-progress",
                    "The starter bank is being installed into this organisation right now. Ask again in a moment: "
                            + "the install adds only what is missing.");
            busy.getHeaders().set("Retry-After", "2");
            return busy;
        });
        try {
            return installClaimed(caller);
        } finally {
            claims.release(claim);
        }
    }

    private InstallReport installClaimed(Caller caller) {
        Map<String, String> idsByKey = new HashMap<>();
        int installed = 0;
        for (StarterBank.BankQuestion question : bank.questions()) {
            String sourceKey = SOURCE_PREFIX + question.key();
            Optional<QuestionDocument> existing = questions.findBySourceKey(caller, sourceKey);
            String id;
            if (existing.isPresent()) {
                id = existing.get().id();
            } else {
                id = questions.insert(caller, question.toRequest(), sourceKey, bank.author()).id();
                installed++;
            }
            if (existing.isEmpty() || existing.get().publishedVersion() == null) {
                // Also finishes an install that stopped between creating and publishing a question.
                questions.publish(caller, id);
            }
            idsByKey.put(question.key(), id);
        }
        int testsInstalled = 0;
        List<InstalledTest> installedTests = new ArrayList<>();
        for (StarterBank.BankTest test : bank.tests()) {
            String sourceKey = SOURCE_PREFIX + test.key();
            Optional<String> existing = tests.idBySourceKey(caller, sourceKey);
            String id = existing.orElseGet(() -> tests.insert(caller, test.toRequest(idsByKey), sourceKey));
            if (existing.isEmpty()) {
                testsInstalled++;
            }
            installedTests.add(new InstalledTest(test.key(), id, test.title()));
        }
        return new InstallReport(installed, bank.questions().size() - installed, testsInstalled,
                bank.tests().size() - testsInstalled, installedTests);
    }
}
