package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.Dismissals.Dismissal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DismissalsTest {

    private final NegationDetector negation = new NegationDetector();

    private List<Dismissal> in(String text) {
        return Dismissals.in(text, negation);
    }

    @Test
    void aVerbOfRemovalTakesAwayWhatItNamesUpToWhereItsNameEnds() {
        assertThat(in("Once it works we remove the timeouts, because they only cause failed payments."))
                .containsExactly(new Dismissal("the timeouts", true, 17, "", false));
        assertThat(in("Turn off retries for payments entirely; just show the user an error."))
                .extracting(Dismissal::named).containsExactly("retries");
        assertThat(in("Later we drop the circuit breaker because it only adds complexity."))
                .extracting(Dismissal::named).containsExactly("the circuit breaker");
        assertThat(in("To keep it simple, get rid of the jitter again once the page is fast."))
                .extracting(Dismissal::named).containsExactly("the jitter again");
    }

    @Test
    void whatFollowsARemovalsNameToSayWhereItAppliesIsKeptWithIt() {
        assertThat(in("We disable retries on POST unless the request carries an idempotency key."))
                .containsExactly(new Dismissal("retries", true, 3, " POST unless the request carries an idempotency key", false));
        assertThat(in("Turn off retries for payments entirely; just show the user an error."))
                .extracting(Dismissal::restriction).containsExactly(" payments entirely");
        assertThat(in("Then disable the cache during the spike so users always see fresh data."))
                .extracting(Dismissal::restriction).containsExactly(" the spike");
    }

    @Test
    void aThingCalledDispensableIsSetAsideWithoutBeingTakenAway() {
        assertThat(in("A circuit breaker is optional.")).containsExactly(new Dismissal("A circuit breaker ", false, 0, "", false));
        assertThat(in("A circuit breaker is nice to have but not required."))
                .extracting(Dismissal::named).containsExactly("A circuit breaker ");
        assertThat(in("A lock so that only one request recomputes the page is enough; jitter isn't really needed here."))
                .extracting(Dismissal::named).containsExactly(" jitter ");
        assertThat(in("You can skip the circuit breaker for a single provider."))
                .extracting(Dismissal::named).containsExactly("the circuit breaker");
        assertThat(in("You don't need jitter when only one key expires."))
                .extracting(Dismissal::named).containsExactly("jitter");
        assertThat(in("There is no need for a timeout.")).extracting(Dismissal::removal).containsExactly(false);
    }

    @Test
    void aRemovalInThePastIsOneWhenItsReasonFollowsItsName() {
        assertThat(in("We dropped the circuit breaker later since it only added complexity."))
                .containsExactly(new Dismissal("the circuit breaker later", true, 3, "", false));
        assertThat(in("We removed the timeouts after launch because they caused failed payments."))
                .extracting(Dismissal::named).containsExactly("the timeouts");
    }

    @Test
    void aThingANegationWordCallsUnneededIsDeniedWithWhereItIsNotNeeded() {
        assertThat(in("Timeouts are not needed once it works, though."))
                .containsExactly(new Dismissal("Timeouts ", false, 0, "", true));
        assertThat(in("There is no need for a circuit breaker.")).extracting(Dismissal::denial).containsExactly(true);
        assertThat(in("You don't need jitter when only one key expires."))
                .extracting(Dismissal::denial, Dismissal::restriction).containsExactly(tuple(true, " only one key expires"));
        assertThat(in("Jitter isn't really needed, though.")).extracting(Dismissal::denial).containsExactly(true);
        // a concession only says one could do without it
        assertThat(in("A circuit breaker is optional.")).extracting(Dismissal::denial).containsExactly(false);
        assertThat(in("You can skip the circuit breaker for a single provider."))
                .extracting(Dismissal::denial, Dismissal::restriction).containsExactly(tuple(false, ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "If you remove the timeout, one slow call can hold a thread forever, so every call gets a timeout.",
            "If you remove the timeout",
            "When we removed the timeouts, the threads piled up.",
            "We removed the timeouts, and the threads piled up.",
            "Last year we removed the circuit breaker and one failing provider took down our whole service.",
            "We disabled retries once and a payment was charged twice; so now we retry with exponential backoff.",
            "Don't remove the cache during a spike; cache hot responses in Redis.",
            "We never drop the retries.",
            "Removing the circuit breaker would let one failing provider take down our whole service, so keep it.",
            "A circuit breaker is not optional: without it a failing provider takes our service down with it.",
            "Don't skip the jitter on the TTLs, or the keys all expire at the same moment.",
            "With idempotency keys you don't need to worry about charging twice.",
            "Make the new inputs optional with a sensible default.",
            "You can't skip the timeout."
    })
    void anArgumentForAThingDismissesNothing(String text) {
        assertThat(in(text)).isEmpty();
    }
}
