package io.hirepipe.gateway.users;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.hirepipe.gateway.identity.RecruiterUser;
import io.hirepipe.gateway.users.PasswordLink.Purpose;
import io.hirepipe.gateway.versioning.PublicApi;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Setting a password from an emailed link, and asking for a reset link. Both are open (no sign-in) and draw
 * on the login rate-limit group.
 */
@Tag(name = "Sign-in")
@RestController
public class PasswordController {

    private static final Logger log = LoggerFactory.getLogger(PasswordController.class);

    private final PasswordLinks links;
    private final ReactiveMongoTemplate mongo;

    public PasswordController(PasswordLinks links, ReactiveMongoTemplate mongo) {
        this.links = links;
        this.mongo = mongo;
    }

    /** @param password any characters, {@value PasswordPolicy#MIN_LENGTH} to {@value PasswordPolicy#MAX_LENGTH} */
    public record SetPasswordRequest(@Schema(example = "pw_Xc5Lm2Wp7Kd4Rt9Vb3Nc") @NotBlank @Size(max = 512) String token,
                                     @Schema(example = "correct horse battery staple") @NotNull String password) {

        @Override
        public String toString() {
            return "SetPasswordRequest[credentials hidden]";
        }
    }

    public record ResetRequest(@Schema(example = "rita@acme.example") @NotBlank @Email @Size(max = 254) String email) {

        /** Spring's codecs log bodies by toString at DEBUG; a record's would print the account's email. */
        @Override
        public String toString() {
            return "ResetRequest[email hidden]";
        }
    }

    /** 204 once the password is set; the link is used up and every earlier sign-in of the account ended. */
    @Operation(summary = "Set a password with an emailed link's token")
    @PostMapping(PublicApi.AUTH + "/password/set")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> set(@Valid @RequestBody SetPasswordRequest request) {
        return links.setPassword(request.token(), request.password());
    }

    /**
     * Always 202, at once, whether or not the email has an account: the answer and its timing reveal nothing.
     * An active account is emailed a reset link in the background, unless its address has had its budget of
     * emails ({@link AccountEmailBudget}): rotating client addresses does not flood one mailbox.
     */
    @Operation(summary = "Ask for a password reset email")
    @PostMapping(PublicApi.AUTH + "/password/reset-request")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Mono<Void> requestReset(@Valid @RequestBody ResetRequest request) {
        String email = RecruiterUser.normalizeEmail(request.email());
        mongo.findOne(Query.query(Criteria.where("email").is(email)), RecruiterUser.class)
                .filter(RecruiterUser::active)
                .flatMap(user -> links.send(user, Purpose.RESET))
                .subscribe(null, failure -> log.warn("A password reset link could not be sent: {}",
                        failure.getClass().getSimpleName()));
        return Mono.empty();
    }
}
