package io.hirepipe.question.bank;

import org.springframework.stereotype.Component;

import java.util.Collection;
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

    /** The tenant's questions among {@code ids}, by id; ids that do not exist in the tenant are absent. */
    public Map<String, QuestionDocument> withHistory(String tenantId, Collection<String> ids) {
        return store.findAllWithHistory(tenantId, ids).stream()
                .collect(Collectors.toMap(QuestionDocument::id, Function.identity()));
    }
}
