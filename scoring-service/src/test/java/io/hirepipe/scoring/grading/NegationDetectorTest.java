package io.hirepipe.scoring.grading;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NegationDetectorTest {

    private final NegationDetector negation = new NegationDetector();

    @ParameterizedTest
    @ValueSource(strings = {
            "Replication does not copy data to other servers",
            "The data is not replicated",
            "Caching doesn't help with spikes",
            "There is no cost for inserts",
            "You never need HTTPS inside a REST API",
            "Sharding cannot split the data",
            "It isn’t stateless",
            "When the primary fails the replica does not take over",
            "If the primary fails, the replica does not take over",
            "You don't need any key for payments if the client doesn't retry",
            "Isolation levels don't prevent dirty reads if you use indexes",
            "Two copies arriving at once can't both get through",
            "Replication does not copy data to the replicas, so reads are slow",
            "Since we run five copies, the buckets can't live in each copy's memory",
            "so nothing can be out of date for longer than that",
            "We ship the bucket in the SDK, so the client never goes over the limit; the servers don't keep any state",
            "Rate limiting isn't a good idea because it loses customers",
            "A common misconception is that sharding copies all data to every node",
            "It's a myth that you need a lock for every read",
            "Many developers wrongly assume that replicas can take writes",
            "It is wrong to think that sharding copies the data",
            "The mistake juniors make is to believe that an index always helps",
            "A common mistake is to think sharding copies all data to every node; it does not.",
            "A common misconception is that sharding copies all data, which is not true",
            "We didnt notice until customers complained",
            "The replicas werent in sync and it wasnt the network",
            "The cache hasnt expired yet",
            "You shouldnt retry forever",
            "Clients arent told about the change"})
    void denialsAreNegated(String clause) {
        assertThat(negation.isDenied(clause)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "It's a myth that replicas can't serve reads",
            "It is not a myth that every index slows down writes",
            "A common mistake is sharding too early",
            "Retrying a payment without an idempotency key is a mistake",
            "If you wrongly assume the cache is fresh, you serve stale data"})
    void aRefutedBeliefThatIsItselfNegatedOrAboutAPracticeIsNotADenial(String clause) {
        assertThat(negation.isDenied(clause)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Don't forget a timeout on every call to the provider",
            "Never skip the jitter on the TTLs",
            "A timeout is not optional",
            "Do not ever forget the idempotency key",
            "The index can't be ignored when you design the query"})
    void aNegationOfLeavingSomethingOutInsistsOnIt(String clause) {
        assertThat(negation.isDenied(clause)).isFalse();
    }

    @Test
    void aNegationBesideOneOfLeavingSomethingOutStillDenies() {
        assertThat(negation.isDenied("Don't forget that a timeout is not needed")).isTrue();
        assertThat(negation.isDenied("Don't retry forever")).isTrue();
    }

    @Test
    void aRubricThatDescribesAMisconceptionAsAMythStatesItAnAnswerDeniesIt() {
        assertThat(negation.isNegated("The myth that JWT claims are encrypted")).isFalse();
        assertThat(negation.isDenied("It's a myth that JWT claims are encrypted")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Replication copies data to replicas",
            "It finds rows without a full table scan",
            "Async code is non-blocking",
            "It is not only faster but also simpler",
            "I'm not sure that is enough for a single key",
            "though I'm not 100% sure of the exact config",
            "Notice the index on the column",
            "If the value isn't cached, it is loaded from the database",
            "if the value isn't there it fetches it from the database and keeps a copy",
            "The key is the customer's, or their network address if they don't have one",
            "when the nodes can't talk to each other, you must choose between consistency and availability",
            "If the row doesn't exist then insert it",
            "and unless the entry is not expired we reload it"})
    void aNegationInsideAConditionDoesNotNegateTheStatement(String clause) {
        assertThat(negation.isNegated(clause)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Each copy is given a lifetime, say five minutes, so nothing can be out of date for longer than that",
            "The token column has a uniqueness rule, so two attempts arriving at once can't both get through",
            "Send the statement and the values separately so that the values are never read as code",
            "Reads can go to a replica because they don't need the primary",
            "NoSQL is always faster for reads, since there are no joins",
            "key stored w/ unique index b/c 2 concurrent requests w/ same key shouldn't both go through"})
    void aNegationInAClauseOfResultOrReasonDoesNotNegateTheStatementBeforeIt(String sentence) {
        assertThat(negation.isNegated(sentence)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "it's not that SQL can't scale",
            "It's not that the cache doesnt work",
            "It isn't that a TTL won't help",
            "It's not that SQL can't scale, it just mostly scales up"})
    void aDeniedDenialAfterItsNotThatAffirms(String clause) {
        assertThat(negation.isDenied(clause)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "It's not that SQL is slow",
            "it's not that simple",
            "It's not that simple: you can't just add replicas",
            "It's not that SQL can't scale; it doesn't scale out"})
    void itsNotThatWithoutASecondNegationInItsPartStillDenies(String clause) {
        assertThat(negation.isDenied(clause)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "and publish /v2 for what cant be made backward compatible",
            "Validate input and reject whatever doesn't fit the schema",
            "Cache what doesn't change often"})
    void aNegationInsideWhatItNamesDoesNotNegateTheStatement(String clause) {
        assertThat(negation.isNegated(clause)).isFalse();
        assertThat(negation.isDenied(clause)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "That's not what a cache is for",
            "What can't be cached is never stored",
            "We don't cache what changes often"})
    void aNegationOfTheStatementAroundWhatStillNegatesIt(String clause) {
        assertThat(negation.isNegated(clause)).isTrue();
    }
}
