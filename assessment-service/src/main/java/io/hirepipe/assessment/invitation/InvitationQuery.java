package io.hirepipe.assessment.invitation;

import io.hirepipe.defaults.web.Cursor;

import java.time.Instant;

/**
 * What a list of invitations is narrowed to; every member but {@code limit} is optional (null: any).
 *
 * @param status      as shown: INVITED means not yet expired, EXPIRED means not started by its expiry
 * @param createdFrom inclusive
 * @param createdTo   exclusive
 * @param after       the position after which the page starts (newest first)
 */
public record InvitationQuery(InvitationStatus status, String testId, Instant createdFrom, Instant createdTo,
                              String externalReference, Cursor after, int limit) {
}
