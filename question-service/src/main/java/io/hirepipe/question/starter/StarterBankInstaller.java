package io.hirepipe.question.starter;

import io.swagger.v3.oas.annotations.media.Schema;
import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.question.bank.QuestionDocument;
import io.hirepipe.question.bank.QuestionService;
import io.hirepipe.question.template.TestTemplateService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Installs the starter bank into the caller's tenant: each question created and published, then the
 * tests built from them. Idempotent: what an earlier install created (found by its source key) is kept
 * as it is, even if the tenant edited it since, and only what is missing is added. Installs of one tenant
 * never overlap: a request that finds another install running waits for it (up to
 * {@code hirepipe.questions.starter-bank.install-wait}, or less if the client prefers) and answers with that
 * install's report; if it is still running then, the caller is told so and where to look. A request's own install
 * runs beside it and is waited for just as long, so a slow install answers 202 with the status link instead of
 * outlasting the gateway's time limit; it finishes all the same.
 */
@Service
class StarterBankInstaller {

    static final String SOURCE_PREFIX = "starter:";

    private final StarterBank bank = StarterBank.load();
    private final QuestionService questions;
    private final TestTemplateService tests;
    private final StarterBankInstallClaims claims;
    private final Clock clock;
    private final Duration maxWait;
    private final Duration pollInterval;
    private final Executor installs;

    StarterBankInstaller(QuestionService questions, TestTemplateService tests, StarterBankInstallClaims claims,
                         Clock clock,
                         @Value("${hirepipe.questions.starter-bank.install-wait:PT8S}") Duration maxWait,
                         @Value("${hirepipe.questions.starter-bank.install-poll:PT0.2S}") Duration pollInterval,
                         @Qualifier("applicationTaskExecutor") Executor installs) {
        this.questions = questions;
        this.tests = tests;
        this.claims = claims;
        this.clock = clock;
        this.maxWait = maxWait;
        this.pollInterval = pollInterval;
        this.installs = installs;
    }

    record InstalledTest(@Schema(example = "backend-basics") String key,
                         @Schema(example = "t_8ZpQ3vN6cJw1TfHs") String id,
                         @Schema(example = "Backend basics") String title) {
    }

    record InstallReport(@Schema(example = "24") int questionsInstalled,
                         @Schema(example = "0") int questionsAlreadyPresent,
                         @Schema(example = "3") int testsInstalled,
                         @Schema(example = "0") int testsAlreadyPresent, List<InstalledTest> tests) {
    }

    /** What an install request ends with: the report, or null when another install is still running. */
    record Outcome(InstallReport report) {
        boolean stillRunning() {
            return report == null;
        }
    }

    /** What the status link tells: INSTALLING, INSTALLED (with the last install's report) or NOT_INSTALLED. */
    record InstallStatus(@Schema(example = "INSTALLED", allowableValues = {"NOT_INSTALLED", "INSTALLING", "INSTALLED"}) String status,
                         Instant finishedAt,
                         InstallReport report) {
    }

    /**
     * Installs, or waits for the install already running and answers with its report.
     *
     * @param preferredWait how long the client is willing to wait (capped by the configured maximum), null for that
     */
    Outcome install(Caller caller, Duration preferredWait) {
        Duration wait = preferredWait == null || preferredWait.compareTo(maxWait) > 0 ? maxWait : preferredWait;
        Instant deadline = clock.instant().plus(wait);
        // Every install seen holding the claim: when one of them finishes, its report is the answer.
        Set<String> awaited = new HashSet<>();
        while (true) {
            // First the awaited install's report: its finishing frees the claim, which must not start another.
            Optional<InstallReport> waitedFor = finishedReport(caller, awaited);
            if (waitedFor.isPresent()) {
                return new Outcome(waitedFor.get());
            }
            Optional<StarterBankInstallClaims.Claim> claim = claims.claim(caller.tenantId());
            if (claim.isPresent()) {
                return finishedBy(installInBackground(caller, claim.get()), deadline);
            }
            claims.state(caller.tenantId()).ifPresent(state -> awaited.add(state.claimId()));
            if (!clock.instant().isBefore(deadline)) {
                return new Outcome(null);
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw stopping();
            }
        }
    }

    private CompletableFuture<InstallReport> installInBackground(Caller caller, StarterBankInstallClaims.Claim claim) {
        String correlationId = CorrelationId.currentOrNew();
        return CompletableFuture.supplyAsync(() -> {
            try (CorrelationId.Scope scope = CorrelationId.open(correlationId)) {
                return installClaimed(caller, claim);
            }
        }, installs);
    }

    /** The install's report if it finishes by the deadline; otherwise it goes on, and the caller is told so. */
    private Outcome finishedBy(CompletableFuture<InstallReport> install, Instant deadline) {
        try {
            long millis = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
            return new Outcome(install.get(millis, TimeUnit.MILLISECONDS));
        } catch (TimeoutException stillRunning) {
            return new Outcome(null);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopping();
        }
    }

    private static ProblemException stopping() {
        return ProblemException.unavailable("starter-bank-install-interrupted",
                "The service is stopping; ask again in a moment.");
    }

    private Optional<InstallReport> finishedReport(Caller caller, Set<String> awaited) {
        return awaited.isEmpty() ? Optional.empty() : claims.state(caller.tenantId())
                .filter(state -> awaited.contains(state.finishedClaimId()) && state.report() != null)
                .map(StarterBankInstallClaims.InstallState::report);
    }

    InstallStatus status(Caller caller) {
        return claims.state(caller.tenantId())
                .map(state -> state.heldAt(clock.instant())
                        ? new InstallStatus("INSTALLING", state.finishedAt(), state.report())
                        : state.report() == null ? new InstallStatus("NOT_INSTALLED", null, null)
                        : new InstallStatus("INSTALLED", state.finishedAt(), state.report()))
                .orElse(new InstallStatus("NOT_INSTALLED", null, null));
    }

    private InstallReport installClaimed(Caller caller, StarterBankInstallClaims.Claim claim) {
        InstallReport report;
        try (StarterBankInstallClaims.Heartbeat alive = claims.keepAlive(claim)) {
            report = installClaimed(caller);
        } catch (RuntimeException e) {
            claims.release(claim);
            throw e;
        }
        claims.finish(claim, report);
        return report;
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
