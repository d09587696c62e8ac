package io.hirepipe.assessment.invitation;

import io.hirepipe.assessment.support.AssessmentIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.index.IndexInfo;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The indexes of invitations, on a database an earlier version already set up. */
class InvitationIndexesTest extends AssessmentIntegrationTest {

    @Autowired
    InvitationIndexes indexes;

    @Test
    void indexesNoQueryNeedsAreDroppedAndTheOthersStay() {
        // as an earlier version created them: unique, keyed by tenant and _id (and the revision every save bumps)
        var collection = mongo.getCollection(Invitation.COLLECTION);
        collection.createIndex(new Document("tenantId", 1).append("_id", 1),
                new com.mongodb.client.model.IndexOptions().unique(true).name("tenant_id"));
        collection.createIndex(new Document("tenantId", 1).append("_id", 1).append("revision", 1),
                new com.mongodb.client.model.IndexOptions().unique(true).name("tenant_id_revision"));
        assertThat(names()).contains("tenant_id", "tenant_id_revision");

        indexes.afterSingletonsInstantiated();
        indexes.afterSingletonsInstantiated();

        assertThat(names()).doesNotContain("tenant_id", "tenant_id_revision")
                .contains("token_hash", "active_candidate_test", "status_deadline", "tenant_newest");
    }

    private List<String> names() {
        return mongo.indexOps(Invitation.class).getIndexInfo().stream().map(IndexInfo::getName).toList();
    }
}
