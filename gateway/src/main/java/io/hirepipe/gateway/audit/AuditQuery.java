package io.hirepipe.gateway.audit;

import io.hirepipe.defaults.web.Cursor;

import java.time.Instant;

/**
 * What an admin asks of the audit log; every part is optional, the tenant is not.
 *
 * @param actor    an actor id or a staff email
 * @param from     inclusive
 * @param to       exclusive
 * @param after    the cursor of the previous page, null for the first
 */
record AuditQuery(String actor, String action, String targetId, Instant from, Instant to, Cursor after) {
}
