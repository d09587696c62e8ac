package io.hirepipe.gateway.users;

import io.hirepipe.gateway.support.DatabaseClock;
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

import java.time.Duration;
import java.time.Instant;

/**
 * One account's set-password emails go out one at a time, across gateway instances: a request voids the account's
 * links, stores its own and hands its email over while it holds the account's turn. Two requests at once (a double
 * click) each voiding the other's link could otherwise email a link that was void before it was sent. The turn also
 * counts the links handed over, so a request can tell that one was sent while it waited. The lease runs on the
 * database's clock: the instances' own clocks need not agree.
 */
@Component
class PasswordLinkTurns {

    static final String COLLECTION = "password_link_turns";
    private static final Duration POLL = Duration.ofMillis(50);

    /** An account's turn: who holds it and until when, and how many links the account was sent in all. */
    @Document(COLLECTION)
    record Turn(@Id String userId, String holder, Instant until, long sent) {
    }

    private final ReactiveMongoTemplate mongo;
    private final DatabaseClock databaseClock;
    private final Duration lease;

    PasswordLinkTurns(ReactiveMongoTemplate mongo, DatabaseClock databaseClock, UsersProperties properties) {
        this.mongo = mongo;
        this.databaseClock = databaseClock;
        // A holder writes twice and hands one email over, which gives up after email-timeout: the lease outlasts
        // that, so it ends only the turn of a holder that died.
        this.lease = properties.emailTimeout().plusSeconds(10);
    }

    /** How many links the account has been sent so far. */
    Mono<Long> sent(String userId) {
        return mongo.findById(userId, Turn.class).map(Turn::sent).defaultIfEmpty(0L);
    }

    /** The account's turn, once no one else holds it. */
    Mono<Turn> take(String userId) {
        String holder = RandomIds.id("turn_", 16);
        long polls = 2 * lease.toMillis() / POLL.toMillis();
        return databaseClock.now().flatMap(now -> {
                    Query free = Query.query(Criteria.where("_id").is(userId).orOperator(
                            Criteria.where("holder").is(null), Criteria.where("until").lt(now)));
                    Update hold = new Update().set("holder", holder).set("until", now.plus(lease))
                            .setOnInsert("sent", 0L);
                    // Held by another: the query matches nothing and the upsert collides with the account's turn.
                    return mongo.findAndModify(free, hold, FindAndModifyOptions.options().upsert(true).returnNew(true),
                            Turn.class);
                })
                .retryWhen(Retry.fixedDelay(polls, POLL).filter(DuplicateKeyException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> AccountEmails.unavailable()));
    }

    /** Ends the turn counting a link handed over in it. */
    Mono<Void> pass(Turn turn) {
        return release(turn, new Update().set("holder", null).inc("sent", 1));
    }

    /**
     * Ends the turn if it is still held (not by {@link #pass}): a holder whose lease ran out does not end its
     * successor's.
     */
    Mono<Void> end(Turn turn) {
        return release(turn, new Update().set("holder", null));
    }

    private Mono<Void> release(Turn turn, Update update) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(turn.userId()).and("holder").is(turn.holder())),
                update, Turn.class).then();
    }
}
