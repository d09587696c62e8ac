package io.hirepipe.gateway.users;

import io.hirepipe.gateway.support.RandomIds;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One account's set-password emails go out one at a time, across gateway instances: a request voids the account's
 * links, stores its own and hands its email over while it holds the account's turn. Two requests at once (a double
 * click) each voiding the other's link could otherwise email a link that was void before it was sent.
 */
@Component
class PasswordLinkTurns {

    static final String COLLECTION = "password_link_turns";
    private static final Duration POLL = Duration.ofMillis(50);

    /** An account's turn: who holds it and until when. */
    @Document(COLLECTION)
    record Turn(@Id String userId, String holder, Instant until) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Duration lease;

    PasswordLinkTurns(ReactiveMongoTemplate mongo, Clock clock, UsersProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        // A holder writes twice and hands one email over, which gives up after email-timeout: the lease outlasts
        // that, so it ends only the turn of a holder that died.
        this.lease = properties.emailTimeout().plusSeconds(10);
    }

    /** The account's turn, once no one else holds it. */
    Mono<Turn> take(String userId) {
        String holder = RandomIds.id("turn_", 16);
        long polls = 2 * lease.toMillis() / POLL.toMillis();
        return Mono.defer(() -> {
                    Instant now = clock.instant();
                    Query free = Query.query(Criteria.where("_id").is(userId).orOperator(
                            Criteria.where("holder").is(null), Criteria.where("until").lt(now)));
                    Update hold = new Update().set("holder", holder).set("until", now.plus(lease));
                    // Held by another: the query matches nothing and the upsert collides with the account's turn.
                    return mongo.findAndModify(free, hold, FindAndModifyOptions.options().upsert(true).returnNew(true),
                            Turn.class);
                })
                .retryWhen(Retry.fixedDelay(polls, POLL).filter(DuplicateKeyException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> AccountEmails.unavailable()));
    }

    /** Ends the turn if it is still held: a holder whose lease ran out does not end its successor's. */
    Mono<Void> end(Turn turn) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(turn.userId()).and("holder").is(turn.holder())),
                new Update().set("holder", null), Turn.class).then();
    }
}
