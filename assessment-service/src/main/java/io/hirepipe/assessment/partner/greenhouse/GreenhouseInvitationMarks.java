package io.hirepipe.assessment.partner.greenhouse;

import io.hirepipe.assessment.session.ScoreRecorder;
import io.hirepipe.contracts.Topics;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Once at start-up, marks the invitations Greenhouse sent before invitations carried the partner mark, so that
 * their results, applied from now on, tell Greenhouse (PartnerResultReady) like any other. A result such an
 * invitation already has as final was applied by the older build, which announced nothing: it is announced now
 * if it changed within {@link Topics#BOUNDED_RETENTION} (notification-service may not have acted on it yet, and
 * since it now waits for the announcement, it would otherwise never be told); an older one was told then.
 * Each interview is marked done after its invitation, so an interrupted run resumes where it stopped.
 */
@Component
class GreenhouseInvitationMarks {

    private static final Logger log = LoggerFactory.getLogger(GreenhouseInvitationMarks.class);
    private static final int BATCH = 200;

    private final MongoTemplate mongo;
    private final ScoreRecorder scores;
    private final Clock clock;

    GreenhouseInvitationMarks(MongoTemplate mongo, ScoreRecorder scores, Clock clock) {
        this.mongo = mongo;
        this.scores = scores;
        this.clock = clock;
    }

    /** @return how many invitations were marked */
    @PostConstruct
    int markOlderInvitations() {
        Instant announceSince = clock.instant().minus(Topics.BOUNDED_RETENTION);
        int marked = 0;
        String after = "";
        while (true) {
            Query unmarked = Query.query(Criteria.where(GreenhouseInterview.INVITATION_MARKED).exists(false)
                    .and("_id").gt(after)).with(org.springframework.data.domain.Sort.by("_id")).limit(BATCH);
            unmarked.fields().include("_id", "tenantId");
            List<GreenhouseInterview> batch = mongo.find(unmarked, GreenhouseInterview.class);
            for (GreenhouseInterview interview : batch) {
                after = interview.id();
                try {
                    if (scores.markSentByPartner(interview.tenantId(), interview.id(), GreenhouseAdapter.PARTNER,
                            announceSince)) {
                        marked++;
                    }
                } catch (RuntimeException e) {
                    // left unmarked: the next start tries again
                    log.warn("Could not mark invitation {} as sent by Greenhouse: {}", interview.id(), e.toString());
                    continue;
                }
                mongo.updateFirst(Query.query(Criteria.where("_id").is(interview.id())),
                        new Update().set(GreenhouseInterview.INVITATION_MARKED, true), GreenhouseInterview.class);
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        if (marked > 0) {
            log.info("Marked {} invitations Greenhouse sent before invitations carried the mark", marked);
        }
        return marked;
    }
}
