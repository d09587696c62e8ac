package io.hirepipe.scoring.result;

import io.hirepipe.defaults.web.Cursor;

import java.time.Instant;

/**
 * What a list or export of results is narrowed to; every member is optional (null: any).
 *
 * @param state         PROVISIONAL or FINAL
 * @param submittedFrom inclusive
 * @param submittedTo   exclusive
 * @param after         where the page starts (newest scored first); never used by the export
 */
public record ResultQuery(String invitationId, String testId, ScoringResult.State state, Boolean passed,
                          Instant submittedFrom, Instant submittedTo, String externalReference, Cursor after) {
}
