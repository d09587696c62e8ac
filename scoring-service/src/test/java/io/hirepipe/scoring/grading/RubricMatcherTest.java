package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.answerkey.RubricKeyPoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rubrics and answers modelled on the backend interview guide our question bank grew from:
 * replication vs sharding, indexes, REST/GraphQL/gRPC, sync vs async.
 */
class RubricMatcherTest {

    private static final RubricMatcher matcher = new RubricMatcher();

    @AfterAll
    static void closeAnalyzer() {
        matcher.close();
    }

    private static RubricKeyPoint kp(String id, int points, String... phrases) {
        return new RubricKeyPoint(id, List.of(phrases), points);
    }

    @Nested
    class WhatEnglishAnalyzerDoes {

        @ParameterizedTest(name = "\"{0}\" -> {1}")
        @CsvSource(delimiter = '|', value = {
                "replicas|replica",
                "Replica|replica",
                "replication|replic",
                "replicated|replic",
                "sharding|shard",
                "Shards|shard",
                "indexes|index",
                "indexing|index",
                "indices|indic",
                "scanning|scan",
                "asynchronous|asynchron",
                "Synchronous|synchron",
                "async|async",
                "callbacks|callback"})
        void stemsOneWord(String word, String stem) {
            assertThat(matcher.terms(word)).containsExactly(stem);
        }

        @Test
        void dropsStopWordsPunctuationAndCase() {
            assertThat(matcher.terms("It is used to improve READ performance!"))
                    .containsExactly("us", "improv", "read", "perform");
            assertThat(matcher.terms("B-Tree, O(log N); HTTP/2.")).containsExactly("b", "tree", "o", "log", "n", "http", "2");
            assertThat(matcher.terms("The primary's writes")).containsExactly("primari", "write");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\n\t", "the and of it is", "?!.,;"})
        void nothingToMatchIn(String text) {
            assertThat(matcher.terms(text)).isEmpty();
        }
    }

    @Nested
    class ReplicationVersusSharding {

        private final List<RubricKeyPoint> rubric = List.of(
                kp("replication-copies", 2, "copy data replica", "copies data replicas"),
                kp("replication-reads", 1, "read replica", "reads go to replicas"),
                kp("replication-ha", 1, "high availability", "failover"),
                kp("sharding-split", 2, "split data across servers", "partition data horizontally"),
                kp("shard-key", 1, "shard key"));

        @Test
        void aStrongAnswerMeetsEveryKeyPoint() {
            String answer = """
                    Replication copies the data from one primary server to one or more replicas. Reads can be
                    served by the read replicas while writes go to the primary, and if the primary dies a replica
                    takes over (failover), which gives high availability.
                    Sharding splits the data horizontally across several servers: each shard holds a subset of the
                    rows, chosen by a shard key such as the user id.""";

            RubricMatcher.RubricMatch match = matcher.match(answer, rubric);

            assertThat(match.keyPointIds()).containsExactly("replication-copies", "replication-reads",
                    "replication-ha", "sharding-split", "shard-key");
            assertThat(match.points()).isEqualTo(7);
        }

        @Test
        void aPartialAnswerMeetsOnlyWhatItSays() {
            String answer = "Sharding means you split your data across many servers using a shard key.";

            RubricMatcher.RubricMatch match = matcher.match(answer, rubric);

            assertThat(match.keyPointIds()).containsExactly("sharding-split", "shard-key");
            assertThat(match.points()).isEqualTo(3);
        }

        @Test
        void wordOrderAndDistanceDoNotMatter() {
            assertThat(matcher.match("The key we shard by is the customer id.", rubric).keyPointIds())
                    .containsExactly("shard-key");
        }

        @Test
        void anyOnePhraseIsEnoughButAllItsTermsAreNeeded() {
            // "read" alone is not "read replica"
            assertThat(matcher.match("Reads are fast.", rubric).keyPointIds()).isEmpty();
            // second phrase of the same key point: "reads go to replicas"
            assertThat(matcher.match("All reads go to the replicas.", rubric).keyPointIds())
                    .containsExactly("replication-reads");
        }

        @Test
        void replicationDoesNotStemToReplica() {
            // Porter: replication -> "replic", replica -> "replica". A phrase naming the noun "replica"
            // is therefore not met by an answer that only says "replication"; rubric authors list both.
            assertThat(matcher.match("Replication improves read throughput.",
                    List.of(kp("replica", 1, "read replica")))).extracting(RubricMatcher.RubricMatch::points)
                    .isEqualTo(0);
            assertThat(matcher.match("Replication improves read throughput.",
                    List.of(kp("replica", 1, "read replica", "read replication"))).keyPointIds())
                    .containsExactly("replica");
        }

        @Test
        void pluralsAndCaseMeetTheSingularPhrase() {
            assertThat(matcher.match("READ REPLICAS!!!", List.of(kp("r", 1, "read replica"))).keyPointIds())
                    .containsExactly("r");
        }
    }

    @Nested
    class Indexes {

        private final List<RubricKeyPoint> rubric = List.of(
                kp("structure", 1, "b-tree", "hash table"),
                kp("avoid-scan", 2, "full table scan", "avoid scanning table"),
                kp("log-time", 1, "logarithmic time", "O(log n)"),
                kp("write-cost", 2, "slow down writes", "slower inserts", "slows insert update delete"));

        @Test
        void punctuationInsidePhrasesIsAnalysedLikeTheAnswer() {
            String answer = "An index is usually a B-Tree, so a lookup takes O(log N) instead of a full table scan.";

            assertThat(matcher.match(answer, rubric).keyPointIds()).containsExactly("structure", "avoid-scan", "log-time");
        }

        @Test
        void tradeOffIsRecognisedInOtherWordForms() {
            String answer = "Indexing makes SELECTs quicker but every insert, update and delete slows down "
                    + "because the index must be maintained as well.";

            RubricMatcher.RubricMatch match = matcher.match(answer, rubric);

            assertThat(match.keyPointIds()).containsExactly("write-cost");
            assertThat(match.points()).isEqualTo(2);
        }

        @Test
        void indicesIsNotIndex() {
            assertThat(matcher.match("Indices are great.", List.of(kp("i", 1, "index"))).points()).isZero();
            assertThat(matcher.match("Indexes are great.", List.of(kp("i", 1, "index"))).points()).isEqualTo(1);
        }
    }

    @Nested
    class RestGraphqlGrpc {

        private final List<RubricKeyPoint> rubric = List.of(
                kp("rest-http", 1, "http methods", "get post put delete"),
                kp("rest-overfetch", 1, "over-fetching", "under-fetching", "overfetching"),
                kp("graphql-exact", 2, "graphql request exactly data", "graphql query language"),
                kp("grpc-protobuf", 2, "protocol buffers", "protobuf"),
                kp("grpc-http2", 1, "http/2", "http2"));

        @Test
        void aRealisticAnswer() {
            String answer = """
                    REST exposes resources over the usual HTTP methods (GET, POST, PUT, DELETE) but clients often
                    end up over-fetching. GraphQL is a query language where the client asks for exactly the fields
                    it needs. gRPC runs over HTTP/2 and serialises payloads with Protocol Buffers, which is fast.""";

            RubricMatcher.RubricMatch match = matcher.match(answer, rubric);

            assertThat(match.keyPointIds()).containsExactly("rest-http", "rest-overfetch", "graphql-exact",
                    "grpc-protobuf", "grpc-http2");
            assertThat(match.points()).isEqualTo(7);
        }

        @Test
        void hyphenatedAndClosedFormsAreDifferentTerms() {
            // "over-fetching" analyses to [over, fetch], "overfetching" to [overfetch]: list both spellings
            assertThat(matcher.match("It avoids overfetching.", List.of(kp("o", 1, "over-fetching"))).points()).isZero();
            assertThat(matcher.match("It avoids over fetching.", List.of(kp("o", 1, "over-fetching"))).points())
                    .isEqualTo(1);
        }
    }

    @Nested
    class SyncVersusAsync {

        private final List<RubricKeyPoint> rubric = List.of(
                kp("sync-blocks", 2, "synchronous blocks thread", "sequentially blocked"),
                kp("async-continues", 2, "asynchronous thread continues", "async await", "callbacks promises"));

        @Test
        void asynchronousDoesNotCountAsSynchronous() {
            // whole terms are compared: "asynchron" does not contain a match for "synchron"
            String answer = "Asynchronous code never blocks the thread; it uses callbacks or promises.";

            assertThat(matcher.match(answer, rubric).keyPointIds()).containsExactly("async-continues");
        }

        @Test
        void bothSidesExplained() {
            String answer = "Synchronous calls run sequentially and the calling thread is blocked while waiting. "
                    + "With async/await the thread continues with other work and resumes later.";

            assertThat(matcher.match(answer, rubric).keyPointIds()).containsExactly("sync-blocks", "async-continues");
            assertThat(matcher.match(answer, rubric).points()).isEqualTo(4);
        }

        @Test
        void aWordWithTheNonPrefixIsNotTheWordItself() {
            // "non-blocking" is the opposite of "blocking": the prefix stays on its word, hyphened, spaced or closed up
            List<RubricKeyPoint> sides = List.of(kp("blocks", 2, "blocking"), kp("does-not-block", 2, "non blocking"));

            for (String async : List.of("Async code is non-blocking.", "Async code is non blocking.", "Async code is nonblocking.")) {
                assertThat(matcher.match(async, sides).keyPointIds()).containsExactly("does-not-block");
            }
            assertThat(matcher.match("Sync code is blocking.", sides).keyPointIds()).containsExactly("blocks");
            assertThat(matcher.match("Non-repeatable reads", List.of(kp("level", 2, "repeatable read"))).keyPointIds()).isEmpty();
        }

        @Test
        void negationIsNotUnderstood() {
            // a bag of words: the matcher cannot tell "does not block" from "blocks"; reviewers catch this
            assertThat(matcher.match("Synchronous code does not block the thread.", rubric).keyPointIds())
                    .containsExactly("sync-blocks");
        }
    }

    @Nested
    class EdgeCases {

        private final List<RubricKeyPoint> rubric = List.of(kp("k", 3, "shard key"));

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "the of and", "..."})
        void emptyAnswersMeetNothing(String answer) {
            RubricMatcher.RubricMatch match = matcher.match(answer, rubric);
            assertThat(match.keyPointIds()).isEmpty();
            assertThat(match.points()).isZero();
        }

        @Test
        void aPhraseOfOnlyStopWordsNeverMatches() {
            List<RubricKeyPoint> vacuous = List.of(kp("v", 5, "the", "it is", ""));
            assertThat(matcher.match("It is the best answer.", vacuous).points()).isZero();
        }

        @Test
        void aKeyPointWithoutPhrasesNeverMatches() {
            assertThat(matcher.match("shard key", List.of(new RubricKeyPoint("none", List.of(), 4))).points())
                    .isZero();
        }

        @Test
        void httpIsNotHttps() {
            List<RubricKeyPoint> transport = List.of(kp("transport", 1, "https"));
            assertThat(matcher.match("It uses HTTP verbs like GET and POST", transport).keyPointIds()).isEmpty();
            assertThat(matcher.match("Serve it over HTTPS only", transport).keyPointIds()).containsExactly("transport");
            assertThat(matcher.match("APIs", List.of(kp("api", 1, "api"))).keyPointIds()).containsExactly("api");
        }

        @Test
        void htmlInTheAnswerIsJustText() {
            assertThat(matcher.match("<script>alert('shard')</script> key", rubric).keyPointIds())
                    .containsExactly("k");
        }
    }

    @org.junit.jupiter.api.Nested
    class DerivedFormsOfOneRoot {

        @Test
        void aDerivedFormOfEachPhraseTermCounts() {
            // Porter keeps "shorten" and "shorter" apart; both are "short" and a letter
            assertThat(matcher.terms("so just shorten the TTL to 10 seconds")).doesNotContain("shorter");
            assertThat(RubricMatcher.containsAllOfOneRoot(matcher.terms("so just shorten the TTL to 10 seconds"),
                    matcher.terms("shorter ttl"))).isTrue();
            assertThat(RubricMatcher.containsAllOfOneRoot(matcher.terms("every replication lag"),
                    matcher.terms("replica lag"))).isTrue();
        }

        @Test
        void everyTermMustStillOccur() {
            assertThat(RubricMatcher.containsAllOfOneRoot(matcher.terms("shorten the timeout"),
                    matcher.terms("shorter ttl"))).isFalse();
        }

        @Test
        void aShortSharedBeginningOrALongEndingIsNotOneRoot() {
            assertThat(RubricMatcher.sameRoot("serv", "server")).as("4 letters shared").isFalse();
            assertThat(RubricMatcher.sameRoot("index", "indic")).isFalse();
            assertThat(RubricMatcher.sameRoot("consist", "consistenc")).as("an ending of 3 letters").isFalse();
            assertThat(RubricMatcher.sameRoot("shorter", "shorten")).isTrue();
        }
    }

    @Nested
    class IdentifiersOfCode {

        @Test
        void onALineOfCodeAnIdentifierIsItsWordsAsWellAsItself() {
            assertThat(matcher.termsOfCode("return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).build();"))
                    .containsAll(matcher.terms("response entity status, http status too many requests"));
            assertThat(matcher.termsOfCode("levels: [READ_COMMITTED, REPEATABLE_READ]"))
                    .containsAll(matcher.terms("read committed repeatable read"));
            assertThat(matcher.termsOfCode("s.put(\"lastWriteAt\", Instant.now())")).contains("last", "write", "lastwriteat");
            assertThat(matcher.termsOfCode("spring.cache.redis.time-to-live=10m")).contains("cach", "redi", "time", "live");
        }

        @Test
        void namesThatAreNoIdentifiersStayWhole() {
            assertThat(matcher.termsOfCode("GraphQL, PostgreSQL, DynamoDB, e.g. MongoDB"))
                    .isEqualTo(matcher.terms("GraphQL, PostgreSQL, DynamoDB, e.g. MongoDB"));
        }

        @Test
        void proseNamesAColumnItDoesNotStateItsWords() {
            // an index answer to the shard-key question: "customer id" is that rubric's phrase for the query pattern
            assertThat(matcher.terms("add a composite index on (customer_id, created_at)")).doesNotContain("custom");
        }
    }
}
