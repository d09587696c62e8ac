package io.hirepipe.question.bank;

import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.question.starter.StarterBank;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring MVC logs the bodies it reads and writes by {@code toString()} at DEBUG (what an operator turns on in an
 * incident), and a record prints every component: a question and an exported or imported bank print their ids, not
 * the email of the recruiter who wrote them.
 */
class AuthorInDebugLogTest {

    private static final String AUTHOR = "rita.recruiter@acme.example";

    @Test
    void aQuestionPrintsItsIdButNotItsAuthor() {
        QuestionView draft = new QuestionView("q_4GkR7wP2xYb9LmN3", 2, QuestionStatus.DRAFT, null,
                QuestionKind.FREE_TEXT, "Design a rate limiter", "How?", List.of(), List.of(), null, 4, List.of(), null,
                Instant.EPOCH, Instant.EPOCH, null, "How?", "<p>How?</p>", null, null, null, null, AUTHOR, false);
        PublishedQuestionView published = new PublishedQuestionView("q_4GkR7wP2xYb9LmN3", 2, QuestionKind.FREE_TEXT,
                "Design a rate limiter", "How?", List.of(), List.of(), null, 4, List.of(), null, Instant.EPOCH,
                "<p>How?</p>", null, null, null, null, AUTHOR);

        assertThat(draft.toString()).contains("q_4GkR7wP2xYb9LmN3").doesNotContain(AUTHOR);
        assertThat(published.toString()).contains("q_4GkR7wP2xYb9LmN3").doesNotContain(AUTHOR);
    }

    @Test
    void aBankPrintsItsSizeButNotItsAuthor() {
        assertThat(new StarterBank(1, AUTHOR, List.of(), List.of()).toString()).doesNotContain(AUTHOR);
    }
}
