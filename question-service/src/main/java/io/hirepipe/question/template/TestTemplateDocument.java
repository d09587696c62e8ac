package io.hirepipe.question.template;

import io.hirepipe.question.bank.SearchTerms;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A test and its published versions in one document, so that every state change is one atomic
 * write. {@code content} is the latest version (a draft while being edited); each publication
 * appends a frozen copy to {@code publishedVersions}, and sessions start from the newest of those.
 *
 * @param publishedVersion the newest published version, null until the first publication
 * @param revision         incremented by every write; writes are conditional on the revision read
 * @param sourceKey        where an installed test came from ("starter:backend-fundamentals-30"), null otherwise
 * @param searchTerms      normalised words of the title and description, for text search
 * @param searchTermsVersion the {@link SearchTerms#VERSION} that computed them; null before versions
 */
@Document(TestTemplateDocument.COLLECTION)
record TestTemplateDocument(
        @Id String id,
        String tenantId,
        int version,
        TestStatus status,
        TestDefinition content,
        Integer publishedVersion,
        List<PublishedTest> publishedVersions,
        long revision,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        Instant retiredAt,
        String sourceKey,
        List<String> searchTerms,
        Integer searchTermsVersion) {

    static final String COLLECTION = "tests";
    static final int MAX_VERSIONS = 50;

    /** One frozen published version. */
    record PublishedTest(int version, TestDefinition content, Instant publishedAt) {
    }

    Optional<PublishedTest> latestPublished() {
        return publishedVersion == null || publishedVersions == null ? Optional.empty()
                : publishedVersions.stream().filter(p -> p.version() == publishedVersion).findFirst();
    }

    String etag() {
        return "\"" + id + "." + revision + "\"";
    }
}
