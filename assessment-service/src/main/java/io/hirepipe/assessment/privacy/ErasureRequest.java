package io.hirepipe.assessment.privacy;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** Erase one candidate: name exactly one of their email (every invitation of it) or one invitation id. */
record ErasureRequest(@Email @Size(max = 254) String email, @Size(max = 100) String invitationId) {
}
