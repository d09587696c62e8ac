package io.hirepipe.question.bank;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Recomputes, at start-up, the search terms of documents whose terms an older analysis wrote (or that have
 * none): those whose {@code searchTermsVersion} is not {@link SearchTerms#VERSION}. Idempotent, and safe
 * beside writers: each update requires the revision read, so an edit meanwhile (which writes terms of its
 * own) is never overwritten; the revision is not raised, as nothing a client sees changed.
 */
public final class SearchTermsMigration {

    private SearchTermsMigration() {
    }

    /**
     * @param outdated a query for the documents to read, projected as the caller likes; the version
     *                 condition is added here
     * @return how many documents got new terms
     */
    public static <T> int recompute(MongoTemplate mongo, Class<T> type, Query outdated, Function<T, String> id,
                                    ToLongFunction<T> revision, Function<T, List<String>> terms) {
        outdated.addCriteria(Criteria.where("searchTermsVersion").ne(SearchTerms.VERSION));
        int count = 0;
        for (T document : mongo.find(outdated, type)) {
            count += (int) mongo.updateFirst(Query.query(Criteria.where("_id").is(id.apply(document))
                                    .and("revision").is(revision.applyAsLong(document))
                                    .and("searchTermsVersion").ne(SearchTerms.VERSION)),
                            new Update().set("searchTerms", terms.apply(document))
                                    .set("searchTermsVersion", SearchTerms.VERSION), type)
                    .getModifiedCount();
        }
        return count;
    }
}
