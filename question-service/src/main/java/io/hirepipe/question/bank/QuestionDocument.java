package io.hirepipe.question.bank;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A question and its whole history in ONE document (collection {@value #COLLECTION}), so that
 * every state change — edit, publish with its frozen snapshot and its event, retire with its
 * event — is a single atomic document write. MongoDB here has no multi-document transactions.
 *
 * <p>{@code content} is the working copy of the latest {@code version}. Each publication appends
 * a frozen copy to {@code publishedVersions}; those entries are never modified, which is what
 * makes a pinned (questionId, version) safe to deliver and score. The pending events live in the
 * {@code outbox} array managed by {@link io.hirepipe.defaults.outbox.Outbox}, not mapped here.
 *
 * @param version          the latest version number, starting at 1
 * @param status           the status of the latest version
 * @param publishedVersion the newest published version, null until the first publication
 * @param publishedVersions every published version, oldest first; null when a read leaves it out
 * @param revision         incremented by every write; each conditional update requires the
 *                         revision it read, so concurrent writers cannot interleave
 * @param publishedAt      when the latest version was published; null while it is a draft
 * @param searchTerms      the normalised words of the latest content ({@link SearchTerms}), for text search
 * @param sourceKey        where an installed or imported question came from ("starter:sql-vs-nosql"), so
 *                         that installing again finds it instead of adding a copy; null for hand-written ones
 * @param searchTermsVersion the {@link SearchTerms#VERSION} that computed {@code searchTerms}; null before
 *                         versions, so that start-up recomputes terms computed by an older analysis
 */
@Document(QuestionDocument.COLLECTION)
public record QuestionDocument(
        @Id String id,
        String tenantId,
        int version,
        QuestionStatus status,
        QuestionContent content,
        Integer publishedVersion,
        List<PublishedQuestion> publishedVersions,
        long revision,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        Instant retiredAt,
        List<String> searchTerms,
        String sourceKey,
        Integer searchTermsVersion) {

    public static final String COLLECTION = "questions";

    /**
     * A version cap keeps the document — which embeds every published version — far below
     * MongoDB's 16 MB limit even with every field at its maximum length.
     */
    public static final int MAX_VERSIONS = 50;

    static List<String> searchTermsOf(QuestionContent content) {
        return SearchTerms.of(content.title(), content.prompt(), String.join(" ", content.tags()));
    }

    /** The entity tag of this state: any write changes the revision, so any write changes the tag. */
    public String etag() {
        return "\"" + id + "." + revision + "\"";
    }

    public Optional<PublishedQuestion> published(int wantedVersion) {
        return publishedVersions == null ? Optional.empty()
                : publishedVersions.stream().filter(p -> p.version() == wantedVersion).findFirst();
    }

    /** The version new tests pin: the newest published one, unless the question is retired. */
    public Optional<PublishedQuestion> usableInNewTests() {
        return status == QuestionStatus.RETIRED || publishedVersion == null
                ? Optional.empty()
                : published(publishedVersion);
    }
}
