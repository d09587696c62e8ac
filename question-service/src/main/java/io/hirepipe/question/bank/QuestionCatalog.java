package io.hirepipe.question.bank;

import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the rest of the service may read from the question bank: questions with their published versions. */
@Component
public class QuestionCatalog {

    private final QuestionStore store;

    QuestionCatalog(QuestionStore store) {
        this.store = store;
    }

    /**
     * The questions a pool may draw from right now: each with a published version new tests may use
     * (never a retired question), whose published content is in {@code category}, carries every one of
     * {@code tags} and lies in the difficulty range. Sorted by id, so a seeded draw is reproducible.
     */
    public List<PublishedQuestion> poolCandidates(String tenantId, String category, List<String> tags,
                                                  int difficultyMin, int difficultyMax) {
        return store.publishedInCategory(tenantId, category, MAX_POOL_CANDIDATES).stream()
                .map(QuestionDocument::usableInNewTests)
                .flatMap(Optional::stream)
                .filter(p -> category.equals(p.content().category()))
                .filter(p -> p.content().tags().containsAll(tags))
                .filter(p -> p.content().difficulty() != null && p.content().difficulty() >= difficultyMin
                        && p.content().difficulty() <= difficultyMax)
                .sorted(Comparator.comparing(PublishedQuestion::questionId))
                .toList();
    }

    /** A category with more published questions than this draws from the first ones by id. */
    static final int MAX_POOL_CANDIDATES = 2_000;

    /** The tenant's questions among {@code ids}, by id; ids that do not exist in the tenant are absent. */
    public Map<String, QuestionDocument> withHistory(String tenantId, Collection<String> ids) {
        return store.findAllWithHistory(tenantId, ids).stream()
                .collect(Collectors.toMap(QuestionDocument::id, Function.identity()));
    }
}
