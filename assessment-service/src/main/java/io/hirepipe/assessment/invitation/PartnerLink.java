package io.hirepipe.assessment.invitation;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The ATS partner (Greenhouse) that sent an invitation, and the final result it was last announced: kept
 * on the invitation itself, so the write that applies a result can also decide, in the same single-document
 * update, whether the partner may be told (PartnerResultReady).
 *
 * @param name          the partner contract, e.g. {@code greenhouse}
 * @param request       the partner's identity of the request that sent it (Greenhouse: the take-home test's callback
 *                      URL), written with the invitation so that a retry racing that request can be told it is one;
 *                      null on invitations sent before it was kept
 * @param resultVersion how many final results were announced: 0 until the first
 * @param points        the announced totals; null (and zeros) until the first announcement
 * @param announcedAt   when the last one was written
 */
public record PartnerLink(String name, String request, int resultVersion, BigDecimal points, int maxPoints, double percent,
                          boolean passed, Instant announcedAt) {

    /** Sent by {@code name} for its {@code request} (null if unknown), nothing announced yet. */
    public static PartnerLink sentBy(String name, String request) {
        return new PartnerLink(name, request, 0, null, 0, 0.0, false, null);
    }

    /** Whether {@code name} sent it for {@code request}. */
    public boolean sentFor(String name, String request) {
        return this.name.equals(name) && request.equals(this.request);
    }

    /**
     * Whether {@code score} is a final result the partner has not been announced: the first final one, or a
     * final one whose totals differ from those last announced. A provisional or absent score never is.
     */
    public boolean awaitsAnnouncementOf(Score score) {
        if (score == null || score.provisional()) {
            return false;
        }
        return resultVersion == 0 || points == null || points.compareTo(score.points()) != 0
                || maxPoints != score.maxPoints() || Double.compare(percent, score.percent()) != 0
                || passed != score.passed();
    }

    /** This link once {@code score} is announced: the next version, with its totals. */
    public PartnerLink announcing(Score score, Instant at) {
        return new PartnerLink(name, request, resultVersion + 1, score.points(), score.maxPoints(), score.percent(),
                score.passed(), at);
    }
}
