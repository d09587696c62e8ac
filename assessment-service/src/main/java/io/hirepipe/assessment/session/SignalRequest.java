package io.hirepipe.assessment.session;

import io.swagger.v3.oas.annotations.media.Schema;
import io.hirepipe.assessment.invitation.SignalType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * @param at         when the browser saw it (the server records its own time as well); required because it is what tells
 *                   a signal sent again after a lost answer from a new one
 * @param questionId the question on screen, if any
 */
public record SignalRequest(@NotNull SignalType type,
                            @NotNull Instant at,
                            @Schema(example = "q_4GkR7wP2xYb9LmN3") @Size(max = 100) String questionId) {
}
