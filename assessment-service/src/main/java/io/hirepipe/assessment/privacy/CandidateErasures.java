package io.hirepipe.assessment.privacy;

import io.hirepipe.assessment.invitation.Ids;
import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.assessment.invitation.InvitationFields;
import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.CandidateErasureCompleted;
import io.hirepipe.contracts.events.CandidateErasureRequested;
import io.hirepipe.defaults.audit.AuditEvents;
import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.defaults.outbox.Outbox;
import io.hirepipe.defaults.privacy.ErasureCompletions;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.web.CursorCriteria;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.domain.Sort;
import io.hirepipe.defaults.web.Cursor;
import io.hirepipe.defaults.web.Page;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Erasure requests: resolves the candidate to invitation and session ids, records the request with its
 * {@code CandidateErasureRequested} in one insert (the outbox), and marks it ERASED once every expected
 * service answered. This service erases its own data on the same event, like the others.
 */
@Component
class CandidateErasures implements ErasureCompletions {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final List<String> expectedServices;

    CandidateErasures(MongoTemplate mongo, Clock clock,
                      @Value("${hirepipe.privacy.erasure.services:assessment-service,scoring-service,notification-service}")
                      List<String> expectedServices) {
        this.mongo = mongo;
        this.clock = clock;
        this.expectedServices = List.copyOf(expectedServices);
    }

    /**
     * An unknown email is accepted like a known one and completes with zero counts, so the answer says nothing
     * about who was a candidate; an unknown invitation id is a 404, since ids are not personal and a typo
     * should show.
     */
    ErasureView request(Caller caller, ErasureRequest request) {
        boolean byEmail = request.email() != null && !request.email().isBlank();
        boolean byInvitation = request.invitationId() != null && !request.invitationId().isBlank();
        if (byEmail == byInvitation) {
            throw ProblemException.badRequest("invalid-request", "Name exactly one of email or invitationId.")
                    .with("field", byEmail ? "invitationId" : "email");
        }
        List<Document> invitations = byEmail ? byEmail(caller.tenantId(), request.email().strip())
                : List.of(byId(caller.tenantId(), request.invitationId().strip()));
        String email = byEmail ? request.email() : nested(invitations.get(0), "candidate", "email");
        List<String> invitationIds = invitations.stream().map(i -> i.getString("_id")).toList();
        List<String> sessionIds = invitations.stream().map(i -> nested(i, "session", "id")).filter(Objects::nonNull).toList();
        Instant now = clock.instant();
        String id = Ids.erasure();
        CandidateErasureRequested requested = new CandidateErasureRequested(id, invitationIds, sessionIds,
                email == null ? null : CandidateErasureRequested.emailSha256Of(email), now);
        Map<String, String> services = new LinkedHashMap<>();
        expectedServices.forEach(service -> services.put(service, Erasure.PENDING));
        Erasure erasure = new Erasure(id, caller.tenantId(), caller.subject(), now, byEmail ? "EMAIL" : "INVITATION",
                invitationIds, sessionIds, Erasure.Status.PENDING, services, Map.of(), null,
                Outbox.messages(EventEnvelope.of(requested, caller.tenantId(), CorrelationId.currentOrNew()),
                        // The audit entry of the erasure itself, in the same insert; it names ids only, not the email.
                        AuditEvents.success(caller, "candidate.erasure-requested", "erasure", id,
                                Map.of("by", byEmail ? "email" : "invitation",
                                        "invitations", String.valueOf(invitationIds.size())), now)));
        mongo.insert(erasure);
        return ErasureView.of(erasure);
    }

    Page<ErasureView> list(Caller caller, Cursor after, int limit) {
        Criteria criteria = Criteria.where("tenantId").is(caller.tenantId());
        if (after != null) {
            criteria = criteria.andOperator(CursorCriteria.after("requestedAt", after));
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Order.desc("requestedAt"), Sort.Order.desc("_id")))
                .limit(limit + 1);
        return Page.of(mongo.find(query, Erasure.class), limit, last -> new Cursor(last.requestedAt(), last.id()).encode())
                .map(ErasureView::of);
    }

    ErasureView view(Caller caller, String erasureId) {
        Erasure erasure = mongo.findOne(Query.query(Criteria.where("_id").is(erasureId).and("tenantId").is(caller.tenantId())),
                Erasure.class);
        if (erasure == null) {
            throw ProblemException.notFound("Erasure", erasureId);
        }
        return ErasureView.of(erasure);
    }

    /** Records a service's answer once (the first counts stay), then marks the request ERASED when all answered. */
    @Override
    public void completed(String tenantId, CandidateErasureCompleted completion) {
        if (!expectedServices.contains(completion.service())) {
            return;
        }
        Criteria mine = Criteria.where("_id").is(completion.erasureId()).and("tenantId").is(tenantId);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(completion.erasureId()).and("tenantId").is(tenantId)
                        .and("services." + completion.service()).is(Erasure.PENDING)),
                new Update().set("services." + completion.service(), Erasure.DONE)
                        .set("removedCounts." + completion.service(), completion.removedCounts()),
                Erasure.class);
        Criteria allDone = mine.and("status").is(Erasure.Status.PENDING);
        for (String service : expectedServices) {
            allDone = allDone.and("services." + service).is(Erasure.DONE);
        }
        mongo.updateFirst(Query.query(allDone),
                new Update().set("status", Erasure.Status.ERASED).set("erasedAt", clock.instant()), Erasure.class);
    }

    private List<Document> byEmail(String tenantId, String email) {
        Query query = Query.query(Criteria.where(InvitationFields.TENANT).is(tenantId)
                .and("candidate.email").regex("^" + Pattern.quote(email) + "$", "i"));
        query.fields().include("_id", "session._id", InvitationFields.SESSION_ID, "candidate");
        return mongo.find(query, Document.class, Invitation.COLLECTION);
    }

    private static String nested(Document document, String field, String inner) {
        Document part = document.get(field, Document.class);
        if (part == null) {
            return null;
        }
        // Spring Data stores a nested property named "id" as "_id"
        return part.containsKey(inner) ? part.getString(inner) : "id".equals(inner) ? part.getString("_id") : null;
    }

    private Document byId(String tenantId, String invitationId) {
        Query query = Query.query(Criteria.where("_id").is(invitationId).and(InvitationFields.TENANT).is(tenantId));
        query.fields().include("_id", "session._id", InvitationFields.SESSION_ID, "candidate");
        Document invitation = mongo.findOne(query, Document.class, Invitation.COLLECTION);
        if (invitation == null) {
            throw ProblemException.notFound("Invitation", invitationId).with("field", "invitationId");
        }
        return invitation;
    }
}
