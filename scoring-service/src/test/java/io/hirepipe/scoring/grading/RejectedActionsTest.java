package io.hirepipe.scoring.grading;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RejectedActionsTest {

    @Test
    void anActionAfterWithoutInsteadOfOrRatherThanIsLeftOutUpToItsPartsEnd() {
        assertThat(RejectedActions.cut("locking in order removes the cycle, without giving up transactions, and retries"))
                .isEqualTo("locking in order removes the cycle,  , and retries");
        assertThat(RejectedActions.cut("Lock in a consistent order instead of removing transactions."))
                .isEqualTo("Lock in a consistent order  .");
        assertThat(RejectedActions.cut("enforce it on the server rather than simply trusting the client and log it"))
                .isEqualTo("enforce it on the server   and log it");
    }

    @Test
    void aThingAfterTheMarkerIsReadAsBefore() {
        assertThat(RejectedActions.cut("gRPC uses protobuf instead of JSON")).isEqualTo("gRPC uses protobuf instead of JSON");
        assertThat(RejectedActions.cut("Run the transfer without a transaction.")).isEqualTo("Run the transfer without a transaction.");
        assertThat(RejectedActions.cut("build the query from parameters instead of string concatenation"))
                .isEqualTo("build the query from parameters instead of string concatenation");
    }
}
