package io.hirepipe.question.bank;

import io.hirepipe.question.support.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.hirepipe.question.support.Questions.singleChoice;
import static io.hirepipe.question.support.Questions.with;
import static org.assertj.core.api.Assertions.assertThat;

class StemmedSearchTest extends IntegrationTestBase {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    QuestionStore store;

    private List<String> titles(String query) {
        List<String> titles = new ArrayList<>();
        api(recruiter).get("/api/questions" + query).expect(200).get("items")
                .forEach(item -> titles.add(item.get("title").asString()));
        return titles;
    }

    private Map<String, Object> question(String title, String prompt) {
        return with(singleChoice(title), "prompt", prompt);
    }

    @Test
    void aWordFindsItsInflectedForms() {
        createQuestion(recruiter, question("Composite indexes", "When do two indexes beat one?"));
        createQuestion(recruiter, question("Write path", "What does indexing cost on every insert?"));
        createQuestion(recruiter, question("Read path", "Where would you put a cache in front of the catalogue?"));
        createQuestion(recruiter, question("Stale reads", "Caching product pages: how do you invalidate them?"));

        assertThat(titles("?q=index")).containsExactlyInAnyOrder("Composite indexes", "Write path");
        assertThat(titles("?q=indexes")).containsExactlyInAnyOrder("Composite indexes", "Write path");
        assertThat(titles("?q=caching")).containsExactlyInAnyOrder("Read path", "Stale reads");
        assertThat(titles("?q=cache%20invalidation")).containsExactly("Stale reads");
        // still every word of the query, and stop words ask for nothing
        assertThat(titles("?q=the%20cache%20of%20indexes")).isEmpty();
        assertThat(titles("?q=the%20index")).containsExactlyInAnyOrder("Composite indexes", "Write path");
    }

    @Test
    void stemmingDoesNotWidenTagOrCategoryFilters() {
        createQuestion(recruiter, with(with(question("Tagged plural", "A prompt"), "tags", List.of("indexes")),
                "category", "databases"));
        createQuestion(recruiter, with(with(question("Tagged singular", "A prompt"), "tags", List.of("index")),
                "category", "database"));

        assertThat(titles("?tag=index")).containsExactly("Tagged singular");
        assertThat(titles("?tag=indexes")).containsExactly("Tagged plural");
        assertThat(titles("?category=database")).containsExactly("Tagged singular");
        assertThat(titles("?category=databases")).containsExactly("Tagged plural");
        // text search reads tags as words, so there both forms match
        assertThat(titles("?q=index")).containsExactlyInAnyOrder("Tagged plural", "Tagged singular");
    }

    @Test
    void termsStoredByTheOlderAnalysisAreRecomputedOnceWithoutChangingTheQuestion() {
        String id = createQuestion(recruiter, question("Covering indexes", "Why are covering indexes fast?"))
                .get("id").asString();
        String etag = api(recruiter).get("/api/questions/" + id).header("ETag").orElseThrow();
        // as a question stored before stemming: whole words, no terms version
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("searchTerms", List.of("are", "covering", "fast", "indexes", "why"))
                        .unset("searchTermsVersion"), QuestionDocument.class);
        assertThat(titles("?q=index")).isEmpty();

        store.recomputeOutdatedSearchTerms();

        assertThat(titles("?q=index")).containsExactly("Covering indexes");
        assertThat(titles("?q=cover%20indexing")).containsExactly("Covering indexes");
        assertThat(api(recruiter).get("/api/questions/" + id).header("ETag")).contains(etag);
        assertThat(mongo.count(Query.query(Criteria.where("_id").is(id).and("searchTermsVersion")
                .is(SearchTerms.VERSION)), QuestionDocument.class)).isEqualTo(1);
    }

    @Test
    void testsAreSearchedWithTheSameStemming() {
        String questionId = createPublishedQuestion(recruiter, singleChoice("Any")).get("id").asString();
        api(recruiter).post("/api/tests", Map.of("title", "Caching and indexing", "description",
                "Backend screening", "durationMinutes", 30, "passMarkPercent", 60,
                "sections", List.of(Map.of("title", "One", "questionIds", List.of(questionId))))).expect(201);

        assertThat(api(recruiter).get("/api/tests?q=cache%20index").expect(200).get("items")).hasSize(1);
        assertThat(api(recruiter).get("/api/tests?q=cache%20sharding").expect(200).get("items")).isEmpty();
    }
}
