package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.FreeTextGrade.GradeFlag;
import io.hirepipe.scoring.grading.FreeTextGrade.KeyPointEvidence;
import io.hirepipe.scoring.grading.FreeTextGrade.MisconceptionEvidence;
import io.hirepipe.scoring.grading.FreeTextGrade.Verdict;
import io.hirepipe.scoring.grading.eval.DevSet;
import io.hirepipe.scoring.grading.eval.FreeTextEvaluation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The semantic grader with the real embedding model and the settings of application.yml, on a small
 * replication-versus-sharding rubric: the rules a recruiter would check by hand.
 */
class SemanticFreeTextGraderTest {

    static final FreeTextRubric RUBRIC = new FreeTextRubric("replication-vs-sharding:1",
            "What is the difference between database replication and sharding?",
            List.of(
                    new FreeTextRubric.Point("copies", "Replication copies the same data from a primary to replicas",
                            List.of("replica", "copy"), List.of("Every replica holds a full copy of the primary's data."), 2),
                    new FreeTextRubric.Point("availability", "Replication gives read scaling and failover",
                            List.of("failover", "read replicas"), List.of("If the primary dies a replica takes over."), 2),
                    new FreeTextRubric.Point("splits", "Sharding splits the data so each shard holds only a subset",
                            List.of("shard key", "subset"), List.of("Each server has only part of the rows."), 2)),
            List.of(new FreeTextRubric.Misconception("sharding-copies-all", "Claims sharding copies all data to every node",
                    List.of("sharding copies all data"), 2)));

    /** An answer to a neighbouring starter-bank question (transactions), given to the CAP theorem question. */
    static final String ACID_UNDER_CAP = "ACID is the promise of a single database transaction: atomic, so every write "
            + "happens or none; isolated, so concurrent transactions do not see each other's unfinished work; durable, so a "
            + "commit survives a crash because it is in the write-ahead log.";

    private static final RubricMatcher matcher = new RubricMatcher();
    private static final SemanticGradingSettings settings = FreeTextEvaluation.applicationSettings();
    private static final CountingEmbedder embedder = new CountingEmbedder(new MiniLmSentenceEmbedder());
    private static final SemanticFreeTextGrader grader =
            new SemanticFreeTextGrader(embedder, matcher, settings, new LexicalFreeTextGrader(matcher));

    /** The same grader reading no thesaurus: what a key point's phrase met before session 44's synonyms. */
    private static final RubricMatcher plainMatcher =
            new RubricMatcher(KeyPointThesaurus.of(new StringReader(""), RubricMatcher.NOT_PLURALS));
    private static final SemanticFreeTextGrader withoutThesaurus =
            new SemanticFreeTextGrader(embedder, plainMatcher, settings, new LexicalFreeTextGrader(plainMatcher));

    @AfterAll
    static void close() {
        matcher.close();
        plainMatcher.close();
    }

    private static double percent(FreeTextGrade grade) {
        return 100 * grade.points().doubleValue() / grade.maxPoints();
    }

    /** The 0–4 grade a score says: round(percent / 25). */
    private static long grade(FreeTextGrade grade) {
        return Math.round(percent(grade) / 25);
    }

    private static KeyPointEvidence keyPoint(FreeTextGrade grade, String id) {
        return grade.keyPoints().stream().filter(k -> k.keyPointId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aGoodAnswerInItsOwnWordsMeetsTheKeyPointsItsClausesAreAboutAndQuotesWhereItDid() {
        String answer = "With replication every server ends up holding the whole dataset, mirrored from the leader. "
                + "If the leader crashes, a follower is promoted. "
                + "Sharding instead cuts the rows into pieces so that each machine stores only its own part.";
        FreeTextGrade grade = grader.grade(answer, RUBRIC);

        // none of the rubric's words: all-MiniLM sees the copy and the split, though not each one as fully made. The
        // failover sentence ("If the leader crashes, a follower is promoted") is under the topicality floor
        // (unit-on-topic-at 0.4, docs/grading.md, session 13) and counts only through the floor exemption (next test)
        assertThat(percent(grade)).isGreaterThanOrEqualTo(50);
        assertThat(keyPoint(grade, "copies").verdict()).isNotEqualTo(Verdict.MISSED);
        assertThat(keyPoint(grade, "splits").verdict()).isNotEqualTo(Verdict.MISSED);
        for (KeyPointEvidence k : grade.keyPoints().stream().filter(k -> k.verdict() != Verdict.MISSED).toList()) {
            assertThat(answer).contains(k.span());
            assertThat(k.similarity()).isBetween(0.0, 1.0);
        }
        assertThat(keyPoint(grade, "splits").span()).startsWith("Sharding");
        assertThat(grade.flags()).doesNotContain(GradeFlag.KEYWORD_LIST, GradeFlag.OFF_TOPIC, GradeFlag.BLANK);
    }

    @Test
    void aClauseUnderTheTopicalityFloorCountsForTheKeyPointItIsAboutButAGenericOneDoesNot() {
        String specific = "Sharding instead cuts the rows into pieces so that each machine stores only its own part. "
                + "If the leader crashes, a follower is promoted.";
        String generic = "Sharding instead cuts the rows into pieces so that each machine stores only its own part. "
                + "It is an important decision for any team running a database.";
        // without the thesaurus, whose failover line reads "a follower is promoted" as the phrase "failover" (session 44)
        SemanticFreeTextGrader withoutExemption = new SemanticFreeTextGrader(embedder, plainMatcher,
                settings.withFloorExemptionMargin(Double.POSITIVE_INFINITY), new LexicalFreeTextGrader(plainMatcher));

        // "If the leader crashes, a follower is promoted": cosine about 0.35 to the failover key point and 0.09 to the
        // prompt, under the floor (0.4), so without the exemption it makes no point; it is about failover, not about the
        // question in general (0.35 - 0.09 >= floor-exemption-margin 0.225), so with it, it partly meets failover
        assertThat(keyPoint(withoutExemption.grade(specific, RUBRIC), "availability").verdict()).isEqualTo(Verdict.MISSED);
        KeyPointEvidence failover = keyPoint(withoutThesaurus.grade(specific, RUBRIC), "availability");
        assertThat(failover.verdict()).isEqualTo(Verdict.PARTLY_MET);
        assertThat(failover.span()).contains("the leader crashes");
        // "It is an important decision for any team running a database": under the floor too (about 0.38 to the
        // prompt, at most 0.36 to a key point), and no closer to a key point than to the question: still no evidence
        FreeTextGrade general = withoutThesaurus.grade(generic, RUBRIC);
        assertThat(general.keyPoints()).extracting(KeyPointEvidence::span)
                .doesNotContain("It is an important decision for any team running a database.");
        assertThat(general.keyPoints()).extracting(KeyPointEvidence::verdict)
                .containsExactlyElementsOf(withoutExemption.grade(generic, RUBRIC).keyPoints().stream()
                        .map(KeyPointEvidence::verdict).toList());
        assertThat(general.points()).isEqualByComparingTo(withoutExemption.grade(generic, RUBRIC).points());
    }

    @Test
    void aClauseThatAnswersAnotherStarterBankQuestionMeetsNoKeyPointHere() {
        FreeTextRubric cap = DevSet.load().rubrics().get("cap-theorem");
        SemanticFreeTextGrader knowingTheBank = new SemanticFreeTextGrader(embedder, matcher, settings,
                new LexicalFreeTextGrader(matcher), new NeighbouringQuestions(embedder));
        String answer = "CAP says that when the network partitions, a distributed store has to choose: stay consistent "
                + "and refuse some requests, or stay available and answer with data that may be stale. A bank ledger "
                + "chooses consistency; a shopping cart chooses availability and reconciles later, which is eventual "
                + "consistency.";

        // ACID's clauses sit near the CAP theorem's "three properties" (consistency, availability, partition tolerance),
        // closer still to the starter bank's questions about transactions: the map of other questions tells them apart
        assertThat(grader.grade(ACID_UNDER_CAP, cap).keyPoints()).extracting(KeyPointEvidence::verdict).contains(Verdict.PARTLY_MET);
        assertThat(knowingTheBank.grade(ACID_UNDER_CAP, cap).keyPoints()).extracting(KeyPointEvidence::verdict)
                .containsOnly(Verdict.MISSED);
        // the question itself is left out of the map: an answer to it loses nothing
        assertThat(knowingTheBank.grade(answer, cap).points()).isEqualByComparingTo(grader.grade(answer, cap).points());
        assertThat(percent(knowingTheBank.grade(answer, cap))).isGreaterThanOrEqualTo(75);
    }

    @Test
    void aClauseThatStatesAKeyPointsContraryMeetsNoKeyPoint() {
        FreeTextRubric apis = DevSet.load().rubrics().get("rest-graphql-grpc");
        // no negation word: the clause shares every word of "the client … names just the fields it wants" but one, and
        // it is nearer that reference turned round ("the server … names") than the point or any other right statement
        FreeTextGrade contrary = grader.grade("With GraphQL the server names the fields that go into each response.", apis);
        FreeTextGrade right = grader.grade("With GraphQL the client names the fields that go into each response.", apis);

        assertThat(keyPoint(contrary, "graphql").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(keyPoint(right, "graphql").verdict()).isNotEqualTo(Verdict.MISSED);
        // a sentence that compares the two sides rightly is no contrary: it still makes the point
        FreeTextGrade comparison = grader.grade("In REST the server defines each endpoint's payload, while in GraphQL "
                + "the client lists the fields it wants and gets just those in one request.", apis);
        assertThat(keyPoint(comparison, "graphql").verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void aNegationInTheCandidatesOwnWordsStatesThePointItMakes() {
        FreeTextRubric security = DevSet.load().rubrics().get("secure-rest");
        // negated ("never"), and no word of any key point: it makes the injection point through its negation
        FreeTextGrade stated = grader.grade("Never glue user text into a database statement.", security);
        // the same sentence naming another key point's word ("token") may deny that point: it is read as before
        FreeTextGrade naming = grader.grade("Never glue a user's token into a database statement.", security);

        assertThat(keyPoint(stated, "input-validation").verdict()).isNotEqualTo(Verdict.MISSED);
        assertThat(keyPoint(naming, "input-validation").verdict()).isEqualTo(Verdict.MISSED);
    }

    @Test
    void aNegatedClauseDoesNotMeetTheKeyPointItDenies() {
        FreeTextGrade stated = grader.grade("Replication copies the data from the primary to every replica.", RUBRIC);
        FreeTextGrade denied = grader.grade("Replication does not copy the data from the primary to any replica.", RUBRIC);

        assertThat(keyPoint(stated, "copies").verdict()).isEqualTo(Verdict.MET);
        assertThat(keyPoint(denied, "copies").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(denied.points()).isLessThan(stated.points());
    }

    @Test
    void notReplicatedDoesNotMeetReplicated() {
        FreeTextGrade grade = grader.grade("With sharding the data is not replicated, and no replica holds a copy.", RUBRIC);

        assertThat(keyPoint(grade, "copies").verdict()).isEqualTo(Verdict.MISSED);
    }

    @Test
    void aSentenceThatDeniesOnePointAndMakesAnotherMeetsOnlyTheOther() {
        FreeTextGrade grade = grader.grade(
                "Sharding does not split the data into subsets, and every replica holds a full copy of the primary's data.",
                RUBRIC);

        assertThat(keyPoint(grade, "splits").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(keyPoint(grade, "copies").verdict()).isEqualTo(Verdict.MET);
        assertThat(keyPoint(grade, "copies").span()).startsWith("and every replica");
    }

    @Test
    void aPointSpreadOverTheStatementsAroundADenialIsStillMade() {
        // the denial names a key point's word ("copy"), so it is no negation in other words (session 35) and meets nothing
        String answer = "The table is cut by customer id, no node keeps a full copy of the table, and every node holds "
                + "only its customers.";
        AnswerEvidence evidence = grader.evidence(answer, RUBRIC);
        FreeTextGrade grade = grader.grade(answer, RUBRIC);

        // the sentence is a denial as a whole and its clauses alone miss the split; read without its denial it makes it
        // in part, and the evidence quotes the sentence
        assertThat(evidence.units()).filteredOn(unit -> unit.text().equals(answer)).hasSize(2);
        assertThat(keyPoint(grade, "splits").verdict()).isNotEqualTo(Verdict.MISSED);
        assertThat(keyPoint(grade, "splits").span()).isEqualTo(answer);
    }

    @Test
    void aNegatedAnswerWithStatementsBesideItsDenialStillEarnsNothing() {
        FreeTextGrade grade = grader.grade(
                "Replication does not copy anything to a replica, it just keeps a log, and the log is only for audits.", RUBRIC);

        assertThat(grade.keyPoints()).extracting(KeyPointEvidence::verdict).containsOnly(Verdict.MISSED);
        assertThat(percent(grade)).isLessThanOrEqualTo(settings.engagedWrongFloor() + 0.1);
    }

    @Test
    void aNegatedConsequenceDoesNotNegateTheStatementItFollows() {
        String answer = "Each server has only part of the rows, so no single machine has to store the whole dataset.";
        AnswerEvidence evidence = grader.evidence(answer, RUBRIC);
        FreeTextGrade grade = grader.grade(answer, RUBRIC);

        // the sentence states the split and is compared with the positive references; its result clause on its own
        // ("so no single machine …") is still a negated clause
        for (int u = 0; u < evidence.units().size(); u++) {
            String unit = evidence.units().get(u).text();
            assertThat(evidence.negated()[u]).as(unit).isEqualTo(unit.startsWith("so"));
        }
        assertThat(keyPoint(grade, "splits").verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void aNegatedAnswerStillEarnsNothingWhenItsDenialIsAConsequence() {
        FreeTextGrade denied = grader.grade(
                "Replication does not copy anything to a replica, so there is no failover and no read scaling.", RUBRIC);
        FreeTextGrade consequence = grader.grade("Sharding splits the rows by a shard key, so there is no failover.", RUBRIC);

        assertThat(denied.keyPoints()).extracting(KeyPointEvidence::verdict).containsOnly(Verdict.MISSED);
        assertThat(percent(denied)).isLessThanOrEqualTo(settings.engagedWrongFloor() + 0.1);
        // a consequence that denies a key point does not meet it, whatever the sentence before it states
        assertThat(keyPoint(consequence, "availability").verdict()).isEqualTo(Verdict.MISSED);
    }

    @Test
    void aMisconceptionCostsItsPointsAndIsShown() {
        String correct = "Replication copies the data from the primary to replicas, which take over on failover.";
        FreeTextGrade without = grader.grade(correct, RUBRIC);
        FreeTextGrade with = grader.grade(correct + " Sharding copies all data to every node.", RUBRIC);

        assertThat(with.misconceptions()).singleElement().satisfies(m -> {
            assertThat(m.misconceptionId()).isEqualTo("sharding-copies-all");
            assertThat(m.penalty()).isEqualByComparingTo("2");
            assertThat(m.span()).contains("Sharding copies all data to every node");
        });
        assertThat(with.points()).isLessThan(without.points());
        assertThat(without.misconceptions()).isEmpty();
    }

    @Test
    void aMisconceptionStatedInAnotherFormOfItsWordsIsFound() {
        FreeTextRubric stampede = new FreeTextRubric("stampede:1",
                "A cached home page expires every 60 seconds and the database spikes each time. What do you do?",
                List.of(new FreeTextRubric.Point("coalesce", "Lets one request rebuild the entry while the others wait",
                        List.of("single flight", "mutex"), List.of("Only one request recomputes the value."), 2)),
                List.of(new FreeTextRubric.Misconception("disable-cache", "Proposes shortening the TTL or removing the cache as the fix",
                        List.of("shorter ttl"), 1)));

        FreeTextGrade grade = grader.grade("Just shorten the TTL to 10 seconds so every rebuild is smaller.", stampede);

        assertThat(grade.misconceptions()).extracting(FreeTextGrade.MisconceptionEvidence::misconceptionId)
                .containsExactly("disable-cache");
    }

    @Test
    void denyingAMisconceptionIsNotMakingIt() {
        FreeTextGrade grade = grader.grade("Sharding does not copy all data to every node: each shard has a subset.", RUBRIC);

        assertThat(grade.misconceptions()).isEmpty();
    }

    @Test
    void penaltiesFloorTheScoreAtZero() {
        FreeTextRubric harsh = new FreeTextRubric("harsh:1", RUBRIC.prompt(), RUBRIC.keyPoints(), List.of(
                new FreeTextRubric.Misconception("sharding-copies-all", "Claims sharding copies all data to every node",
                        List.of("sharding copies all data"), 6)));

        FreeTextGrade grade = grader.grade("Replicas hold copies. But sharding copies all data to every node.", harsh);

        assertThat(grade.misconceptions()).hasSize(1);
        // the credit stops at 0 (never negative); an answer that states a misconception is given the engaged-wrong
        // floor (grade 1: "mostly wrong"), not less, whatever the penalty
        assertThat(percent(grade)).isCloseTo(settings.engagedWrongFloor(), org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void aMisconceptionNamedToRefuteItCostsNothing() {
        String rest = " Each shard holds only a subset of the rows, while replication keeps full copies on replicas "
                + "for failover.";
        FreeTextGrade refuted = grader.grade("A common mistake is to think that sharding copies all data to every node; "
                + "it does not." + rest, RUBRIC);
        FreeTextGrade stated = grader.grade("Sharding copies all data to every node." + rest, RUBRIC);

        assertThat(stated.misconceptions()).extracting(MisconceptionEvidence::misconceptionId)
                .containsExactly("sharding-copies-all");
        assertThat(refuted.misconceptions()).isEmpty();
        assertThat(refuted.keyPoints()).extracting(KeyPointEvidence::verdict).containsOnly(Verdict.MET);
        assertThat(percent(refuted)).isGreaterThanOrEqualTo(87.5).isGreaterThan(percent(stated));
    }

    @Test
    void anAnswerWrittenAWordPerLineIsGradedAsTheSameSentences() {
        FreeTextRubric caching = DevSet.load().rubrics().get("cache-invalidation");
        String prose = "On a miss the service reads the database and stores the value in the cache. Each key gets a TTL so "
                + "stale entries expire. When a row is updated, delete its key.";
        FreeTextGrade wordPerLine = grader.grade(prose.replace(' ', '\n'), caching);

        assertThat(percent(wordPerLine)).isEqualTo(percent(grader.grade(prose, caching)));
        assertThat(keyPoint(wordPerLine, "pattern").verdict()).isNotEqualTo(Verdict.MISSED);
        assertThat(wordPerLine.flags()).doesNotContain(GradeFlag.MOSTLY_OFF_TOPIC);
    }

    @Test
    void whatTheCandidateTakesBackIsNeitherAMisconceptionNorAPoint() {
        FreeTextRubric indexes = DevSet.load().rubrics().get("db-indexes");
        FreeTextRubric caching = DevSet.load().rubrics().get("cache-invalidation");
        String first = "An index is a B-tree on a column, so the database finds rows in log n time without a full table scan. ";
        FreeTextGrade corrected = grader.grade(first + "Indexes make writes faster too. Correction: they make writes slower, "
                + "because every insert must also update the index.", indexes);
        FreeTextGrade rightAtOnce = grader.grade(first + "They make writes slower, because every insert must also update "
                + "the index.", indexes);
        FreeTextGrade noWait = grader.grade("The cache is always up to date with the database, no wait, actually that's "
                + "wrong: the cache can go stale. So on every update we delete the cached key.", caching);
        FreeTextGrade withdrawn = grader.grade("On a miss the service loads the row and caches it. Each entry gets a TTL so "
                + "stale data expires. Scratch that.", caching);

        assertThat(grader.grade(first + "Indexes make writes faster too.", indexes).misconceptions()).isNotEmpty();
        assertThat(corrected.misconceptions()).isEmpty();
        assertThat(corrected.points()).isEqualByComparingTo(rightAtOnce.points());
        assertThat(noWait.misconceptions()).isEmpty();
        assertThat(keyPoint(withdrawn, "ttl").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(keyPoint(withdrawn, "pattern").verdict()).isNotEqualTo(Verdict.MISSED);
    }

    @Test
    void anEtcInsideASentenceKeepsTheSentenceWhole() {
        FreeTextRubric caching = DevSet.load().rubrics().get("cache-invalidation");
        FreeTextGrade grade = grader.grade("On a miss the app reads the database and stores the value in the cache. Each "
                + "key gets a TTL so stale data ages out. On writes, evict the key etc. so the next read reloads it.", caching);

        assertThat(keyPoint(grade, "invalidate-on-write").span()).isEqualTo("On writes, evict the key etc. so the next read reloads it.");
    }

    @Test
    void arrowsAndBecauseWrittenBSlashCSeparateWhatTheyJoin() {
        FreeTextRubric idempotency = DevSet.load().rubrics().get("idempotency");
        // hand 4 both: the same points in shorthand and in prose
        FreeTextGrade shorthand = grader.grade("idempotent = same request N times ⇒ same effect as 1x. retry after timeout → "
                + "same key → server looks up key → returns stored result ✅ no double charge. key stored w/ unique index b/c 2 "
                + "concurrent requests w/ same key shouldn't both go through. PUT/DELETE idempotent, POST ❌ not.", idempotency);
        FreeTextGrade prose = grader.grade("Idempotent means the same request sent N times has the same effect as sending it "
                + "once. A retry after a timeout sends the same key, the server looks the key up and returns the stored result, "
                + "so there is no double charge. The key is stored with a unique index because two concurrent requests with "
                + "the same key shouldn't both go through. PUT and DELETE are idempotent, POST is not.", idempotency);

        // before, "→" joined the chain into one clause, denied as a whole by its "no double charge", and "b/c" did not
        // keep "shouldn't" to its clause of reason: both sentences were denials and met nothing
        assertThat(keyPoint(shorthand, "why-retries").verdict()).isNotEqualTo(Verdict.MISSED);
        assertThat(keyPoint(shorthand, "atomic-check").span()).startsWith("key stored w/ unique index");
        assertThat(grade(shorthand)).isEqualTo(grade(prose));
    }

    @Test
    void aCommentInCodeIsReadAsTheCandidatesOwnSentence() {
        FreeTextRubric replication = DevSet.load().rubrics().get("replication-vs-sharding");
        // hand 4: copies, reads and failover, the split in the comment, and when to shard
        FreeTextGrade answer = grader.grade("Replication keeps a full copy of the data on every replica: reads can be spread "
                + "over the replicas, and one of them takes over when the primary fails.\n```js\n"
                + "sh.shardCollection(\"shop.invoices\", { tenantId: \"hashed\" })"
                + "  // each shard holds only part of the invoices, split by tenant\n"
                + "```\nWe shard when the write load is more than one server can take.", replication);

        // before, the comment was read with the call before it, and the split was only partly met by their mixture
        assertThat(keyPoint(answer, "sharding-splits").verdict()).isEqualTo(Verdict.MET);
        assertThat(keyPoint(answer, "sharding-splits").span())
                .isEqualTo("each shard holds only part of the invoices, split by tenant");
        assertThat(grade(answer)).isEqualTo(4);
    }

    @Test
    void anIdentifierInCodeSaysItsWords() {
        FreeTextRubric isolation = DevSet.load().rubrics().get("transaction-isolation");
        // hand 2: one level, named only by the configuration's constant, and what it keeps a transaction from seeing
        FreeTextGrade answer = grader.grade("```yaml\nspring.jpa.properties.hibernate.connection.isolation: READ_COMMITTED\n"
                + "```\nWith that, a transaction never sees rows another transaction has not committed yet.", isolation);

        // before, READ_COMMITTED was one term and the level was missed: grade 1
        assertThat(keyPoint(answer, "levels").verdict()).isEqualTo(Verdict.MET);
        assertThat(keyPoint(answer, "levels").span()).endsWith("READ_COMMITTED");
        assertThat(grade(answer)).isEqualTo(2);
    }

    @Test
    void aShortDenialAfterAStatementDeniesOnlyWhatItNames() {
        FreeTextRubric retries = DevSet.probeSet().rubrics().get("retries-timeouts");
        FreeTextRubric paging = DevSet.probeSet().rubrics().get("list-pagination");
        // hand 2 both: bounded retries with backoff; keyset paging and its index
        FreeTextGrade retry = grader.grade("Retry failed calls a few times with exponential backoff, never immediately.", retries);
        FreeTextGrade keyset = grader.grade("Use keyset pagination on (created_at, id) with an index, not OFFSET.", paging);

        // before, "never immediately" and "not OFFSET" joined the clause before them and denied it with the sentence:
        // the retry point and the index were missed
        assertThat(keyPoint(retry, "retry-backoff").verdict()).isNotEqualTo(Verdict.MISSED);
        assertThat(keyPoint(keyset, "index").verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void aDenialOfAKeyPointByNameIsNotCreditedByItsNegatedConsequence() {
        FreeTextRubric retries = DevSet.probeSet().rubrics().get("retries-timeouts");
        // hand 0 and 1: the timeout denied; the reason given for it is the idempotency point
        FreeTextGrade denial = grader.grade("There is no need for a timeout.", retries);
        FreeTextGrade withReason = grader.grade("The idempotency key means the provider is idempotent, so there is no need "
                + "for a timeout.", retries);
        // hand 1: the timeout point made through its consequence, in the negative
        FreeTextGrade statesIt = grader.grade("A timeout means a slow provider can't hold our threads forever.", retries);

        // before, the denial half met the timeout point through its example's negated consequence ("so a hanging provider
        // cannot tie up all our threads", cosine 0.28 and 0.34), and the answer with a reason scored 41.7 % (grade 2)
        assertThat(keyPoint(denial, "timeout").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(keyPoint(withReason, "timeout").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(keyPoint(withReason, "idempotent").verdict()).isEqualTo(Verdict.MET);
        assertThat(keyPoint(statesIt, "timeout").verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void aDenialByNameSharingOnlyThePromptsWordsWithANegatedReferenceIsNotCreditedByIt() {
        FreeTextRubric retries = DevSet.probeSet().rubrics().get("retries-timeouts");
        // hand 0 each: the timeout denied, its subject the prompt's provider
        FreeTextGrade ifReliable = grader.grade("Timeouts are not needed if the provider is reliable.", retries);
        FreeTextGrade withAnSla = grader.grade("You don't need a timeout when the provider has a good SLA.", retries);
        // hand 1: the point made through the negated consequence, which it shares words with besides the prompt's
        FreeTextGrade statesIt = grader.grade("A timeout means a slow provider can't hold our threads forever.", retries);

        // before, both denials half met the timeout point: they share "provider" with "so a hanging provider cannot tie
        // up all our threads", at cosine 0.46 and 0.37
        assertThat(keyPoint(ifReliable, "timeout").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(keyPoint(withAnSla, "timeout").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(keyPoint(statesIt, "timeout").verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void aDenialOfOneKeyPointByNameIsNoEvidenceForAnotherThroughItsNegatedReferences() {
        FreeTextRubric retries = DevSet.probeSet().rubrics().get("retries-timeouts");
        // hand 0: the circuit breaker denied, nothing else said
        FreeTextGrade denial = grader.grade("There's no reason to use a circuit breaker for a payment provider.", retries);
        // hand 1: the idempotency point; the denial of a timeout beside it
        FreeTextGrade withReason = grader.grade("The idempotency key means the provider is idempotent, so there is no need "
                + "for a timeout.", retries);

        // before, the denial half met the timeout and the idempotency points, through "so a hanging provider cannot tie up
        // all our threads" (cosine 0.33) and "so a retried payment is not charged twice" (0.40): it shares only the
        // prompt's "payment" and "provider" with them
        assertThat(keyPoint(denial, "timeout").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(keyPoint(denial, "idempotent").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(keyPoint(withReason, "idempotent").verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void aSentenceWhoseNegationIsADenialByNameIsNotCreditedByItsOtherClause() {
        FreeTextRubric stampede = DevSet.probeSet().rubrics().get("cache-stampede");
        // hand 0: jitter denied, and its consequence said the wrong way round
        FreeTextGrade denial = grader.grade("Jitter is not necessary; keys can expire together.", stampede);
        // hand 1 each: the jitter point, in one negated clause and as advice with its reason
        FreeTextGrade statesIt = grader.grade("With jitter on the TTLs the keys don't all expire at the same moment.", stampede);
        FreeTextGrade advice = grader.grade("Don't skip jitter: without it the keys all expire at the same moment.", stampede);

        // before, the denial met jitter: the sentence, composed of both clauses, is at cosine 0.73 to "so keys do not
        // expire together", while its negated clause alone is at 0.16
        assertThat(keyPoint(denial, "jitter").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(keyPoint(statesIt, "jitter").verdict()).isEqualTo(Verdict.MET);
        assertThat(keyPoint(advice, "jitter").verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void anAdviceNotToLeaveAPointOutMakesIt() {
        FreeTextRubric retries = DevSet.probeSet().rubrics().get("retries-timeouts");
        FreeTextRubric stampede = DevSet.probeSet().rubrics().get("cache-stampede");
        // hand 1 each: the timeout point and the jitter point, as advice
        FreeTextGrade timeout = grader.grade("Don't forget a timeout on every call to the provider.", retries);
        FreeTextGrade jitter = grader.grade("Never skip the jitter on the TTLs.", stampede);

        // before, both were denials: the timeout half met by its negated consequence, the jitter missed
        assertThat(keyPoint(timeout, "timeout").verdict()).isEqualTo(Verdict.MET);
        assertThat(keyPoint(jitter, "jitter").verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void whatTheCandidateNamesOnlyAsAContrastStatesNothing() {
        FreeTextRubric retries = DevSet.probeSet().rubrics().get("retries-timeouts");
        FreeTextRubric stampede = DevSet.probeSet().rubrics().get("cache-stampede");
        // hand 1 each: the timeout point, the coalescing point; the other thing is named only to be set against it
        FreeTextGrade breaker = grader.grade("Unlike a circuit breaker, a timeout stops a slow call from holding our "
                + "threads forever.", retries);
        FreeTextGrade shorterTtl = grader.grade("A lock, unlike a shorter TTL, lets one request recompute the value while "
                + "the rest wait for it.", stampede);

        // before, "Unlike a circuit breaker" met the breaker point by its phrase, and "unlike a shorter TTL" was charged
        // disable-cache by its phrase "shorter ttl"
        assertThat(keyPoint(breaker, "timeout").verdict()).isEqualTo(Verdict.MET);
        assertThat(keyPoint(breaker, "breaker").verdict()).isNotEqualTo(Verdict.MET);
        assertThat(breaker.keyPoints()).extracting(KeyPointEvidence::span).doesNotContain("Unlike a circuit breaker");
        assertThat(shorterTtl.misconceptions()).isEmpty();
        assertThat(keyPoint(shorterTtl, "coalesce").verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void aKeyPointTheAnswerLaterTakesAwayIsDeniedAndTakenBack() {
        FreeTextRubric retries = DevSet.probeSet().rubrics().get("retries-timeouts");
        // hand 0: the timeout stated, then removed; hand 0: retries switched off, nothing else said
        FreeTextGrade removed = grader.grade("Every call gets a timeout so a slow provider cannot hold our threads. Once it "
                + "works we remove the timeouts, because they only cause failed payments.", retries);
        FreeTextGrade turnedOff = grader.grade("Turn off retries for payments entirely; just show the user an error.", retries);
        // hand 1: a removal in a condition argues for the timeout
        FreeTextGrade ifRemoved = grader.grade("If you remove the timeout, one slow call can hold a thread forever, so every "
                + "call gets a timeout.", retries);

        // before, the first scored 58.3 % (grade 2) with the timeout met by its first sentence; the second half met
        // retries and idempotency through "Turn off retries for payments entirely"
        assertThat(keyPoint(removed, "timeout").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(grade(removed)).isLessThanOrEqualTo(1);
        assertThat(keyPoint(turnedOff, "retry-backoff").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(keyPoint(turnedOff, "idempotent").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(keyPoint(ifRemoved, "timeout").verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void aRemovalThatIsTheKeyPointOrArguesForItStillMakesIt() {
        FreeTextRubric invalidation = DevSet.probeSet().rubrics().get("cache-invalidation");
        FreeTextRubric stampede = DevSet.probeSet().rubrics().get("cache-stampede");
        FreeTextRubric retries = DevSet.probeSet().rubrics().get("retries-timeouts");
        FreeTextRubric spike = DevSet.load().rubrics().get("traffic-spike");
        // hand 1, 2, 1, 1: invalidation on write; the stampede and a lock; caching; the breaker
        FreeTextGrade delete = grader.grade("When a record is updated, delete its cache key so the next read loads the new "
                + "value.", invalidation);
        FreeTextGrade ridOfStampede = grader.grade("Get rid of the stampede by letting only one request rebuild the page "
                + "behind a lock while the others wait.", stampede);
        FreeTextGrade keepCache = grader.grade("Don't remove the cache during a spike; cache hot responses in Redis so most "
                + "reads never hit the database.", spike);
        FreeTextGrade gerund = grader.grade("Removing the circuit breaker would let one failing provider take down our whole "
                + "service, so keep it.", retries);

        assertThat(keyPoint(delete, "invalidate-on-write").verdict()).isEqualTo(Verdict.MET);
        assertThat(keyPoint(ridOfStampede, "cause").verdict()).isEqualTo(Verdict.MET);
        assertThat(keyPoint(ridOfStampede, "coalesce").verdict()).isEqualTo(Verdict.MET);
        assertThat(keyPoint(keepCache, "caching").verdict()).isEqualTo(Verdict.MET);
        assertThat(keyPoint(gerund, "breaker").verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void aRemovalFromSomeCasesOnlyDeniesNothing() {
        FreeTextRubric retries = DevSet.probeSet().rubrics().get("retries-timeouts");
        FreeTextRubric spike = DevSet.load().rubrics().get("traffic-spike");
        // hand 4: every point, retries switched off where they would charge twice; hand 1: caching, off for some pages
        FreeTextGrade onPost = grader.grade("Every call gets a 2-second timeout and we retry three times with exponential "
                + "backoff and jitter. We disable retries on POST unless the request carries an idempotency key. A circuit "
                + "breaker stops calling the provider while it is failing.", retries);
        FreeTextGrade somePages = grader.grade("Cache the public responses in Redis, but turn off the cache for the admin "
                + "pages, since admins need fresh data.", spike);
        // hand 0: the removal restricted to the question's own matter ("during the spike") is no restriction
        FreeTextGrade duringTheSpike = grader.grade("Put Redis in front of the database to cache the hot responses. Then "
                + "disable the cache during the spike so users always see fresh data.", spike);

        // before, "disable retries on POST …" took retries away and back from the first sentence: 33.3 %
        assertThat(keyPoint(onPost, "retry-backoff").verdict()).isEqualTo(Verdict.MET);
        assertThat(keyPoint(onPost, "idempotent").verdict()).isEqualTo(Verdict.MET);
        assertThat(grade(onPost)).isEqualTo(4);
        assertThat(keyPoint(somePages, "caching").verdict()).isEqualTo(Verdict.MET);
        assertThat(keyPoint(duringTheSpike, "caching").verdict()).isEqualTo(Verdict.MISSED);
    }

    @Test
    void aThingTheCandidateCallsOptionalMakesNoPoint() {
        FreeTextRubric retries = DevSet.probeSet().rubrics().get("retries-timeouts");
        FreeTextRubric stampede = DevSet.probeSet().rubrics().get("cache-stampede");
        // hand 0, 1, 0: the breaker conceded; the breaker conceded beside a right timeout; jitter conceded
        FreeTextGrade optional = grader.grade("A circuit breaker is optional.", retries);
        FreeTextGrade skip = grader.grade("Set a timeout on every call so slow calls can't pile up. You can skip the circuit "
                + "breaker for a single provider.", retries);
        FreeTextGrade notNeeded = grader.grade("You don't need jitter when only one key expires.", stampede);
        // hand 3: every point but the breaker, which is called optional
        FreeTextGrade allButOne = grader.grade("Every call gets a 2-second timeout. Retry up to three times with exponential "
                + "backoff and jitter, and send an idempotency key so a retried payment is not charged twice. A circuit "
                + "breaker is optional for a single provider.", retries);

        // before, each met the point it concedes (the breaker by its phrase; jitter at cosine 0.62 through the word "key"
        // it shares with "so keys do not expire together"), and the last scored 100 %
        assertThat(keyPoint(optional, "breaker").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(keyPoint(skip, "breaker").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(keyPoint(skip, "timeout").verdict()).isEqualTo(Verdict.MET);
        assertThat(keyPoint(notNeeded, "jitter").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(grade(allButOne)).isEqualTo(3);
    }

    @Test
    void aThingTheCandidateInsistsOnOrThatIsItselfOptionalStillMakesItsPoint() {
        FreeTextRubric retries = DevSet.probeSet().rubrics().get("retries-timeouts");
        FreeTextRubric stampede = DevSet.probeSet().rubrics().get("cache-stampede");
        FreeTextRubric evolution = DevSet.probeSet("probeset-rest").rubrics().get("api-evolution");
        // hand 1 each
        FreeTextGrade notOptional = grader.grade("A circuit breaker is not optional: without it a failing provider takes our "
                + "service down with it.", retries);
        FreeTextGrade dontSkip = grader.grade("Don't skip the jitter on the TTLs, or the keys all expire at the same moment.",
                stampede);
        FreeTextGrade optionalField = grader.grade("The new field is optional, so old clients that don't send it keep working.",
                evolution);

        assertThat(keyPoint(notOptional, "breaker").verdict()).isEqualTo(Verdict.MET);
        assertThat(keyPoint(dontSkip, "jitter").verdict()).isEqualTo(Verdict.MET);
        assertThat(keyPoint(optionalField, "additive").verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void aKeyPointTheAnswerLaterSaysIsNotNeededIsTakenBack() {
        FreeTextRubric retries = DevSet.probeSet().rubrics().get("retries-timeouts");
        // hand 0: the timeout stated, then called unnecessary; hand 3: four points, the breaker then called unnecessary;
        // hand 2: the idempotency key stated, then called unnecessary for a wrong reason
        FreeTextGrade notNeeded = grader.grade("Every call gets a timeout so a slow provider cannot hold our threads. "
                + "Timeouts are not needed once it works, though.", retries);
        FreeTextGrade noNeed = grader.grade("Set a timeout on every call. Retry transient failures three times with "
                + "exponential backoff and jitter. Use an idempotency key so a retried payment is not charged twice. Put a "
                + "circuit breaker in front. In the end, though, there's no need for a circuit breaker.", retries);
        FreeTextGrade thenAgain = grader.grade("Every call gets a timeout so a slow provider can't hold threads. Retry with "
                + "exponential backoff. Use an idempotency key. Then again, no need for an idempotency key: the provider "
                + "dedupes.", retries);

        // before, each of the three points was met by the statement the answer later takes back (100 % for the second)
        assertThat(keyPoint(notNeeded, "timeout").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(keyPoint(noNeed, "breaker").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(grade(noNeed)).isEqualTo(3);
        assertThat(keyPoint(thenAgain, "idempotent").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(keyPoint(thenAgain, "timeout").verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void aRemovalInThePastGivenItsReasonTakesThePointBackButAStoryOfWhatItCostDoesNot() {
        FreeTextRubric retries = DevSet.probeSet().rubrics().get("retries-timeouts");
        // hand 0: the breaker stated, then removed for a reason; hand 2: retries and the breaker, with a story for it
        FreeTextGrade dropped = grader.grade("Put a circuit breaker in front of the provider. We dropped the circuit breaker "
                + "later since it only added complexity.", retries);
        FreeTextGrade story = grader.grade("Retry with exponential backoff and put a circuit breaker in front. Last year we "
                + "removed the circuit breaker and one failing provider took down our whole service.", retries);

        // before, the breaker was met by the first sentence
        assertThat(keyPoint(dropped, "breaker").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(keyPoint(story, "breaker").verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void aLaterDenialOfSomeCasesOrOfSomethingElseKeepsThePoint() {
        FreeTextRubric retries = DevSet.probeSet().rubrics().get("retries-timeouts");
        FreeTextRubric stampede = DevSet.probeSet().rubrics().get("cache-stampede");
        // hand 2: jitter, then where it does not help; hand 1 each: the timeout, then a refinement, another thing's
        // timeout, or a refuted belief
        FreeTextGrade someCases = grader.grade("Add random jitter to the TTLs so the keys don't expire together. You don't "
                + "need jitter when only one key expires; then a lock is what helps.", stampede);
        FreeTextGrade notEvery = grader.grade("Every call gets a timeout so a slow provider cannot hold our threads. Not every "
                + "call needs the same timeout: reads can wait longer than charges.", retries);
        FreeTextGrade otherThing = grader.grade("Every call gets a timeout so a slow provider cannot hold our threads. A "
                + "timeout on the database is not needed, since it is local.", retries);
        FreeTextGrade myth = grader.grade("Every call gets a timeout so a slow provider cannot hold our threads. It is a myth "
                + "that timeouts are not needed once the provider is stable.", retries);

        assertThat(keyPoint(someCases, "jitter").verdict()).isEqualTo(Verdict.MET);
        assertThat(keyPoint(notEvery, "timeout").verdict()).isEqualTo(Verdict.MET);
        assertThat(keyPoint(otherThing, "timeout").verdict()).isEqualTo(Verdict.MET);
        assertThat(keyPoint(myth, "timeout").verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void aKeyPointSaidInTheThesaurusWordsMeetsItsPhrase() {
        FreeTextRubric secure = DevSet.load().rubrics().get("secure-rest");
        FreeTextRubric cache = DevSet.load().rubrics().get("cache-invalidation");
        // hand 4: every point in other words; hand 3: the pattern, a TTL and invalidation on write, no pitfall
        FreeTextGrade secured = grader.grade("Only accept encrypted connections, so nothing travels in clear text. Every "
                + "request carries a signed token that we verify before doing anything. Check the input on every endpoint and "
                + "use prepared statements, never string building. Limit how many requests a client can make per minute, and "
                + "only allow the front-end origins we trust.", secure);
        FreeTextGrade cached = grader.grade("On a miss the service reads the row from the database and keeps it in the cache "
                + "for next time. Each entry gets a lifetime of a few minutes, so a value we forgot to refresh cannot stay "
                + "wrong for long. When a record changes we remove the key so the next read loads the new value.", cache);

        // without the thesaurus, "check the input" and "prepared statements" met neither "validate input" nor
        // "parameterized queries" (85.7 %, input validation half met by the model), and "gets a lifetime" did not meet
        // "ttl" (half met)
        assertThat(keyPoint(secured, "input-validation").verdict()).isEqualTo(Verdict.MET);
        assertThat(grade(secured)).isEqualTo(4);
        assertThat(keyPoint(cached, "ttl").verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void aThesaurusWordInAnotherSenseOrAcrossPunctuationMakesNoPoint() {
        FreeTextRubric secure = DevSet.load().rubrics().get("secure-rest");
        FreeTextRubric cache = DevSet.load().rubrics().get("cache-invalidation");
        FreeTextRubric replication = DevSet.load().rubrics().get("replication-vs-sharding");
        // hand 0 each: on topic, no point made
        String lifetime = "A cache is great over the lifetime of a product, but it is hard to get right and you should be "
                + "careful with it.";
        String leader = "Both matter to the leader of any database team; replication and sharding are things you should "
                + "learn before you design a system.";
        String check = "Security is something every team should check; input from many people helps make an API safe.";

        // with the thesaurus as first written, "lifetime" and "leader" were single-word entries and "check; input" read
        // as "check the input": 28.6 %, 37.5 % (the copies point met) and 28.6 %, against 18.6, 19.1 and 10.0 % without it
        assertThat(keyPoint(grader.grade(lifetime, cache), "ttl").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(keyPoint(grader.grade(leader, replication), "replication-copies").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(keyPoint(grader.grade(check, secure), "input-validation").verdict()).isEqualTo(Verdict.MISSED);
        assertThat(grader.grade(lifetime, cache).points()).isEqualByComparingTo(withoutThesaurus.grade(lifetime, cache).points());
        assertThat(grader.grade(leader, replication).points())
                .isEqualByComparingTo(withoutThesaurus.grade(leader, replication).points());
        assertThat(grader.grade(check, secure).points()).isEqualByComparingTo(withoutThesaurus.grade(check, secure).points());
    }

    @Test
    void aQuestionTheCandidateAsksStatesNoMisconception() {
        FreeTextRubric apis = DevSet.load().rubrics().get("rest-graphql-grpc");
        // hand 1: one key point, GraphQL's, restated as a question and answered
        FreeTextGrade asked = grader.grade("What does GraphQL do? It lets the client ask for exactly the fields it needs in "
                + "one request.", apis);

        // before, the question was charged graphql-database ("What does GraphQL do?" at cosine 0.86 to it)
        assertThat(asked.misconceptions()).isEmpty();
        assertThat(keyPoint(asked, "graphql").verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void nonBlockingStatesNothingAboutBlocking() {
        FreeTextRubric syncAsync = DevSet.load().rubrics().get("sync-async");
        // hand 2: the asynchronous side and its callback, nothing about synchronous code
        FreeTextGrade grade = grader.grade("Asynchronous code is non-blocking: the thread starts the work and carries on "
                + "with other tasks, and the result comes back through a callback.", syncAsync);

        // before, "non-blocking" met the synchronous side by its phrase "blocking" (83.3 %); now the side is half met at
        // most, by the model's cosine to another clause (66.7 %: grade 3 against the hand's 2 is the model's doing)
        KeyPointEvidence synchronous = keyPoint(grade, "sequential-blocking");
        assertThat(synchronous.verdict()).isNotEqualTo(Verdict.MET);
        assertThat(synchronous.span()).doesNotContain("non-blocking");
    }

    @Test
    void aHeadingLabelsWhatFollowsAndStatesNothingOfItsOwn() {
        FreeTextRubric cap = DevSet.load().rubrics().get("cap-theorem");
        FreeTextRubric limits = DevSet.load().rubrics().get("rate-limiting");
        // hand grades 0, 1 and 1: the headings name the key points' terms over one vague line
        FreeTextGrade terms = grader.grade("## Token bucket\n## Redis\n## 429\n"
                + "There are several ways to do it, each with its own trade-offs.", limits);
        FreeTextGrade markdown = grader.grade("## Consistency\n## Availability\n## Partition tolerance\n"
                + "It really depends on what your application needs.", cap);
        FreeTextGrade boldLabels = grader.grade("**Consistency:**\n**Availability:**\n**Partition tolerance:**\n"
                + "Every choice has pros and cons, so pick the one that fits.", cap);

        assertThat(percent(terms)).isLessThan(37.5);
        assertThat(terms.keyPoints()).extracting(KeyPointEvidence::span).doesNotContain("## Token bucket", "## Redis", "## 429");
        assertThat(markdown.keyPoints()).extracting(KeyPointEvidence::span)
                .doesNotContain("## Consistency", "## Availability", "## Partition tolerance");
        assertThat(boldLabels.misconceptions()).isEmpty();
    }

    @Test
    void aHeadingOverItsExplanationGradesAsTheSameLinesUnderALabel() {
        FreeTextRubric cap = DevSet.load().rubrics().get("cap-theorem");
        FreeTextRubric limits = DevSet.load().rubrics().get("rate-limiting");
        String[] labels = {"Consistency", "Availability", "Partition tolerance"};
        String[] explained = {"Every read sees the latest write, whichever node it lands on.",
                "Every request gets an answer, even if it may be stale.",
                "The system keeps working when the network between the nodes breaks. Since partitions do happen, the real "
                        + "choice while one lasts is between consistency and availability: ZooKeeper refuses writes, "
                        + "Cassandra keeps serving."};
        String[] defined = {"Every read sees the latest write.", "Every request gets an answer.",
                "The system keeps working when messages between the nodes are lost."};
        String limitLines = "A token bucket per API key refills at a steady rate and each request takes a token.\n"
                + "The buckets live in Redis and are updated with atomic increments, so every instance sees the same count.\n"
                + "Over the limit the API answers 429 Too Many Requests with a Retry-After header.";
        String[] limitHeadings = {"### Algorithm", "### Across instances", "### Response"};

        // hand grades 3, 1 (the grader gives 3 under a label on the line too) and 4, headed or not
        assertThat(grade(grader.grade(headed(labels, explained), cap))).isEqualTo(grade(grader.grade(labelled(labels, explained), cap)))
                .isEqualTo(3);
        FreeTextGrade definedUnderHeadings = grader.grade(headed(labels, defined), cap);
        assertThat(definedUnderHeadings.flags()).doesNotContain(GradeFlag.OFF_TOPIC);
        assertThat(grade(definedUnderHeadings)).isEqualTo(grade(grader.grade(labelled(labels, defined), cap)));
        assertThat(percent(grader.grade(headed(limitHeadings, limitLines.split("\n")), limits)))
                .isEqualTo(percent(grader.grade(limitLines, limits))).isGreaterThanOrEqualTo(87.5);
    }

    /** Each line under its heading ("## " + label unless the heading has its marks). */
    private static String headed(String[] headings, String[] lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            text.append(headings[i].startsWith("#") ? "" : "## ").append(headings[i]).append('\n').append(lines[i]).append('\n');
        }
        return text.toString();
    }

    /** Each line after its label and a colon. */
    private static String labelled(String[] labels, String[] lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            text.append(labels[i]).append(": ").append(lines[i]).append('\n');
        }
        return text.toString();
    }

    @Test
    void aProsAndConsBlockIsGradedTheSameWithOrWithoutItsLabelsMarkedUp() {
        FreeTextRubric indexes = DevSet.load().rubrics().get("db-indexes");
        String block = "An index is a B-tree kept next to the table that maps column values to rows.\n"
                + "Pros\n- lookups take log n steps instead of a full table scan\n- ORDER BY on the column comes back sorted\n"
                + "Cons\n- every insert and update must also update the index, so writes get slower\n- it takes extra disk space";
        FreeTextGrade plain = grader.grade(block, indexes);
        FreeTextGrade bold = grader.grade(block.replace("Pros\n", "**Pros:**\n").replace("Cons\n", "**Cons:**\n"), indexes);

        // hand grade 3 for both (the grader gives 4: a grade on the model's side)
        assertThat(percent(bold)).isEqualTo(percent(plain));
    }

    @Test
    void aMisconceptionsWordsInAnActionTheCandidateRejectsStateNothing() {
        FreeTextRubric deadlocks = DevSet.probeSet("probeset-rest").rubrics().get("deadlocks");
        FreeTextRubric limits = DevSet.load().rubrics().get("rate-limiting");
        String cycle = "Two transfers wait for each other's locks in a cycle. ";

        // hand grades 3, 3, 3 and 2, no misconception
        assertThat(grader.grade("Each transfer holds a lock on one account and waits for the other, so the two form a "
                + "cycle. Locking the accounts in the same order, by id, removes the cycle without giving up transactions, "
                + "and the victim the database picks is simply retried.", deadlocks).misconceptions()).isEmpty();
        assertThat(grader.grade(cycle + "Lock the accounts in a consistent order instead of removing transactions.",
                deadlocks).misconceptions()).isEmpty();
        assertThat(grader.grade("Count requests per API key in Redis with atomic increments so the limit holds on every "
                + "instance, and answer 429 with Retry-After. Enforce it on the server rather than trusting the client to "
                + "limit itself.", limits).misconceptions()).isEmpty();
        assertThat(grader.grade("Serve the API only over HTTPS rather than encoding the payloads with Base64, and check a "
                + "signed JWT on every request.", DevSet.load().rubrics().get("secure-rest")).misconceptions()).isEmpty();
        // hand grade 1: the candidate proposes what the misconception says, and rejects the alternative
        assertThat(grader.grade(cycle + "Just remove transactions from the transfer code instead of worrying about lock "
                + "order.", deadlocks).misconceptions()).extracting(MisconceptionEvidence::misconceptionId)
                .containsExactly("no-transactions");
    }

    @Test
    void anAnswerThatDeniesTheKeyPointsByNameIsWrongButNotEmpty() {
        FreeTextGrade denied = grader.grade("Replication does not copy anything to a replica, and there is no failover.", RUBRIC);

        assertThat(denied.keyPoints()).extracting(KeyPointEvidence::verdict).containsOnly(Verdict.MISSED);
        assertThat(percent(denied)).isCloseTo(settings.engagedWrongFloor(), org.assertj.core.data.Offset.offset(0.1));
        // (an answer that neither states nor denies a key point keeps the calibration's percent: SemanticGradingPolicyTest)
    }

    @Test
    void aRunOfADescriptionsWordsIsAKeywordListWhereItsKeyPointHasFewerThanTwoPhrases() {
        // as a recruiter may write a rubric in the console: one phrase per key point
        FreeTextRubric fewPhrases = new FreeTextRubric("redelivery:1",
                "How do you make a Kafka consumer safe against redelivered events?",
                List.of(new FreeTextRubric.Point("store", "Stores effects under a unique key", List.of("unique key"), List.of(), 2),
                        new FreeTextRubric.Point("dedupe", "Deduplicates by event id", List.of("event id"), List.of(), 2)),
                List.of());

        FreeTextGrade list = grader.grade("unique key, event id, deduplicates, stores effects, redelivered events", fewPhrases);
        FreeTextGrade sentence = grader.grade(
                "Every effect is stored under a unique key derived from the event id, so a redelivery changes nothing.", fewPhrases);

        assertThat(list.flags()).contains(GradeFlag.KEYWORD_LIST);
        assertThat(list.needsReview()).isTrue();
        assertThat(percent(list)).isLessThanOrEqualTo(100 * settings.keywordListCap());
        assertThat(sentence.flags()).doesNotContain(GradeFlag.KEYWORD_LIST);
        assertThat(percent(sentence)).isGreaterThanOrEqualTo(50);
    }

    @Test
    void aKeywordListIsCappedAndSentToReview() {
        FreeTextGrade grade = grader.grade(
                "replication, replica, copy, primary, failover, read replicas, sharding, shard key, subset", RUBRIC);

        assertThat(grade.flags()).contains(GradeFlag.KEYWORD_LIST);
        assertThat(grade.needsReview()).isTrue();
        assertThat(percent(grade)).isLessThanOrEqualTo(100 * settings.keywordListCap());
        BigDecimal keyPointTotal = grade.keyPoints().stream().map(KeyPointEvidence::points)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(keyPointTotal.doubleValue()).as("evidence adds up to the capped score")
                .isCloseTo(grade.points().doubleValue(), org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void aTerseExplanationIsNotTakenForAKeywordList() {
        FreeTextGrade grade = grader.grade(
                "Replication copies the data to replicas for reads and failover; sharding splits it by a shard key.", RUBRIC);

        assertThat(grade.flags()).doesNotContain(GradeFlag.KEYWORD_LIST);
        assertThat(percent(grade)).isGreaterThanOrEqualTo(75);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "-", "I don't know", "no idea", "I don't know, sorry.", "Sorry, no clue!",
            "I don’t know"})
    void aBlankAnswerScoresZeroAndSaysSo(String answer) {
        FreeTextGrade grade = grader.grade(answer, RUBRIC);

        assertThat(grade.points()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(grade.flags()).containsExactly(GradeFlag.BLANK);
        assertThat(grade.keyPoints()).hasSize(3).allMatch(k -> k.verdict() == Verdict.MISSED);
    }

    @Test
    void anOffTopicAnswerScoresZeroAndSaysSo() {
        FreeTextGrade grade = grader.grade(
                "I would set up a CI/CD pipeline with GitHub Actions and deploy the containers on Kubernetes.", RUBRIC);

        assertThat(grade.points()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(grade.flags()).contains(GradeFlag.OFF_TOPIC);
        assertThat(grade.keyPoints()).allMatch(k -> k.verdict() == Verdict.MISSED && k.span() == null);
    }

    @Test
    void aShortRightAnswerInAnotherLanguageIsSentToAPersonNotSilentlyScoredZero() {
        String german = "Replikation hält eine vollständige Kopie der Daten auf mehreren Servern, sodass bei einem Ausfall "
                + "ein Replikat übernimmt. Sharding teilt die Daten nach einem Schlüssel auf, jeder Server hat nur einen Teil.";
        FreeTextGrade grade = grader.grade(german, RUBRIC);

        // under review-off-topic-from-words (60), so the off-topic rule alone would leave its 0 unreviewed
        assertThat(german.split("\\s+")).hasSizeLessThan(60);
        assertThat(grade.flags()).contains(GradeFlag.NOT_ENGLISH, GradeFlag.LOW_CONFIDENCE);
        assertThat(grade.needsReview()).isTrue();
        assertThat(grade.confidence()).isLessThanOrEqualTo(0.3);

        FreeTextGrade english = grader.grade("Replication keeps a full copy of the data on several servers, so a replica "
                + "takes over when the primary fails; sharding splits the data by a key so each server holds a subset.", RUBRIC);
        assertThat(english.flags()).doesNotContain(GradeFlag.NOT_ENGLISH);
    }

    @Test
    void itsNotThatWithADenialOfItsOwnAffirmsWhatItDenies() {
        FreeTextRubric databases = DevSet.load().rubrics().get("sql-vs-nosql");
        FreeTextGrade doubleNegative = grader.grade(
                "It's not that SQL can't scale, it just mostly scales up rather than out.", databases);

        // the two negations cancel: the sentence says SQL can scale, so it claims nothing of sql-cannot-scale and
        // its scaling is a point made
        assertThat(doubleNegative.misconceptions()).extracting(MisconceptionEvidence::misconceptionId)
                .doesNotContain("sql-cannot-scale");
        assertThat(keyPoint(doubleNegative, "scaling").verdict()).isNotEqualTo(Verdict.MISSED);
        // the claim itself, in the candidate's own words, is still charged
        assertThat(grader.grade("SQL can't scale, it only runs on one machine.", databases).misconceptions())
                .extracting(MisconceptionEvidence::misconceptionId).contains("sql-cannot-scale");
    }

    @Test
    void aNegationInsideWhatAClauseNamesLeavesTheClausesStatementMade() {
        FreeTextRubric evolution = DevSet.probeSet("probeset-rest").rubrics().get("api-evolution");
        FreeTextGrade grade = grader.grade("We'd add a new optional field and keep the old one, and publish /v2 for what "
                + "can't be made backward compatible.", evolution);

        // "can't" is the thing's that goes into /v2, not the publishing's: the clause states the new version
        KeyPointEvidence version = keyPoint(grade, "version");
        assertThat(version.verdict()).isNotEqualTo(Verdict.MISSED);
        assertThat(version.span()).contains("publish /v2");
    }

    @Test
    void aClaimOfferedAsHearsayIsHedged() {
        String plain = "Sharding splits the table by a shard key, so each node holds only some of the rows.";
        String hearsay = "Sharding splits the table by a shard key, so each node holds only some of the rows, or so I've read.";

        // "or so I've read" offers the claim as second-hand, as "I think" offers it as a guess: partial evidence at most
        assertThat(keyPoint(grader.grade(plain, RUBRIC), "splits").verdict()).isEqualTo(Verdict.MET);
        assertThat(keyPoint(grader.grade(hearsay, RUBRIC), "splits").verdict()).isEqualTo(Verdict.PARTLY_MET);
    }

    @Test
    void anAnswerTooLongToReadWholeIsGradedOnItsStartAndSentToReview() {
        String sentence = "Replication copies the data from the primary to every replica. ";
        FreeTextGrade grade = grader.grade(sentence.repeat(AnswerReader.MAX_UNITS + 50), RUBRIC);

        assertThat(keyPoint(grade, "copies").verdict()).isEqualTo(Verdict.MET);
        assertThat(grade.flags()).contains(GradeFlag.LOW_CONFIDENCE);
        assertThat(grade.needsReview()).isTrue();
    }

    @Test
    void rubricEmbeddingsAreComputedOncePerQuestionVersionAndEachAnswerInOneBatch() {
        FreeTextRubric version = new FreeTextRubric("cache-test:7", RUBRIC.prompt(), RUBRIC.keyPoints(), RUBRIC.misconceptions());
        int before = embedder.calls.get();
        grader.grade("Replication copies data. Sharding splits it, so each node has a subset.", version);
        int afterFirst = embedder.calls.get();
        grader.grade("Replicas hold copies, and shards hold parts.", version);
        int afterSecond = embedder.calls.get();

        assertThat(afterFirst - before).as("rubric batch + answer batch").isEqualTo(2);
        assertThat(afterSecond - afterFirst).as("answer batch only").isEqualTo(1);
    }

    @Test
    void gradesAreTheSameWhenManyThreadsGradeAtOnce() throws Exception {
        List<String> answers = List.of(
                "Replication copies the data to replicas; sharding splits it.",
                "Sharding copies all data to every node.",
                "replication, replica, copy, primary, failover, sharding, shard key, subset",
                "Replicas take over when the primary fails.");
        List<FreeTextGrade> sequential = answers.stream().map(a -> grader.grade(a, RUBRIC)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<FreeTextGrade>> futures = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (String a : answers) {
                    futures.add(pool.submit(() -> grader.grade(a, RUBRIC)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                FreeTextGrade parallel = futures.get(i).get();
                assertThat(parallel.points()).isEqualByComparingTo(sequential.get(i % answers.size()).points());
                assertThat(parallel.flags()).isEqualTo(sequential.get(i % answers.size()).flags());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRightPointBesideAMisconceptionLosesAGradeStepForIt() {
        FreeTextRubric databases = DevSet.load().rubrics().get("sql-vs-nosql");
        FreeTextRubric limits = DevSet.load().rubrics().get("rate-limiting");
        // session 44's N1 and N10, hand 1 and 2: the right points alone earn a 2 and a 3, and the guide takes a grade
        // step off for the misconception; the rubrics' penalty of 1 point of 7 took off half of one (before: 2 and 3)
        FreeTextGrade fastest = grader.grade("Relational data with many joins belongs in SQL, and if you need ACID "
                + "transactions you pick SQL too. Otherwise pick NoSQL, because NoSQL is always faster than SQL.", databases);
        assertThat(fastest.misconceptions()).extracting(MisconceptionEvidence::misconceptionId)
                .containsExactly("nosql-always-faster");
        assertThat(fastest.misconceptions().get(0).penalty()).isEqualByComparingTo("1.75");
        assertThat(grade(fastest)).isEqualTo(1);
        FreeTextGrade selfLimiting = grader.grade("Use a token bucket per API key and reject requests over the limit with "
                + "429 Too Many Requests and a Retry-After header. Across the instances, the client SDK limits itself, so "
                + "the servers keep no shared state.", limits);
        assertThat(selfLimiting.misconceptions()).extracting(MisconceptionEvidence::misconceptionId)
                .containsExactly("client-side-limit");
        assertThat(grade(selfLimiting)).isEqualTo(2);
        // a right answer near the wrong claim's words (K2) states none and keeps its grade
        FreeTextGrade scalingBothWays = grader.grade("Relational data with joins fits SQL, document-like data with changing "
                + "fields fits NoSQL. If you need ACID transactions, use SQL. NoSQL stores usually scale out across nodes, "
                + "while SQL databases mostly scale up, though SQL can scale too with replicas and sharding.", databases);
        assertThat(scalingBothWays.misconceptions()).isEmpty();
        assertThat(grade(scalingBothWays)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aMisconceptionsWordsJoinedOnlyByCuttingADenialOfThemStateNothing() {
        FreeTextRubric idempotency = DevSet.load().rubrics().get("idempotency");
        // session 44's D2, hand 4: read without "POST is not", the second sentence holds "POST" and "idempotent", and
        // found "post is idempotent" in it (75 %, grade 3)
        FreeTextGrade right = grader.grade("Idempotent means that repeating a request has the same effect as sending it "
                + "once. PUT and DELETE are idempotent but POST is not, and a payment usually is a POST. So the client "
                + "sends an idempotency key; the server records it under a unique constraint with the result and returns "
                + "that result when a timeout makes the client retry, so the customer is never charged twice.", idempotency);
        assertThat(right.misconceptions()).isEmpty();
        assertThat(grade(right)).isEqualTo(4);
        // D3, hand 1: the claim in a clause of its own, beside a denial of something else, is still stated
        FreeTextGrade wrong = grader.grade("Idempotent means the same request has the same effect every time. Retries "
                + "are not a problem, because POST is idempotent as well.", idempotency);
        assertThat(wrong.misconceptions()).extracting(MisconceptionEvidence::misconceptionId)
                .containsExactly("post-idempotent");
        assertThat(grade(wrong)).isEqualTo(1);
    }

    @Test
    void whenTheModelCannotRunTheLexicalGraderAnswersFlaggedForReview() {
        SentenceEmbedder broken = texts -> {
            throw new IllegalStateException("ONNX Runtime unavailable");
        };
        SemanticFreeTextGrader fallingBack = new SemanticFreeTextGrader(broken, matcher, settings,
                new LexicalFreeTextGrader(matcher));

        FreeTextGrade grade = fallingBack.grade("Replication keeps a copy on each replica; a shard key splits data.", RUBRIC);

        assertThat(grade.flags()).contains(GradeFlag.FALLBACK);
        assertThat(grade.needsReview()).isTrue();
        assertThat(grade.confidence()).isLessThan(0.5);
        assertThat(grade.points()).isPositive();
    }

    /** Counts embedding batches, to check what is cached and what is batched. */
    static final class CountingEmbedder implements SentenceEmbedder {
        final AtomicInteger calls = new AtomicInteger();
        private final SentenceEmbedder delegate;

        CountingEmbedder(SentenceEmbedder delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            calls.incrementAndGet();
            return delegate.embed(texts);
        }
    }
}
