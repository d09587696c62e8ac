package io.hirepipe.contracts;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsTest {

    @Test
    void everyEventTypeTravelsOnADeclaredTopic() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::topic)).allMatch(Topics.ALL::contains);
    }

    @Test
    void wireNamesAreUnique() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::wireName)).doesNotHaveDuplicates();
    }

    @Test
    void deadLetterTopicsFollowTheConvention() {
        assertThat(Topics.deadLetterOf(Topics.SUBMISSIONS)).isEqualTo("hirepipe.submissions.v1.DLT");
        assertThat(Topics.isRetainedForever(Topics.QUESTIONS)).isTrue();
        assertThat(Topics.isRetainedForever(Topics.RESULTS)).isFalse();
    }

    @Test
    void onlyTheQuestionsTopicIsKeptForeverAndTheRestExpireBeforeAnyTenantRetention() {
        assertThat(Topics.ALL.stream().filter(Topics::isRetainedForever)).containsExactly(Topics.QUESTIONS);
        assertThat(Topics.isRetainedForever(Topics.SUBMISSIONS)).isFalse();
        assertThat(Topics.isRetainedForever(Topics.PRIVACY)).isFalse();
        // 30 days is the shortest retention a tenant may choose (assessment-service's privacy settings)
        assertThat(Topics.BOUNDED_RETENTION.plus(Topics.SEGMENT_ROLL)).isLessThan(java.time.Duration.ofDays(30));
    }

    @Test
    void theAuditTopicKeepsRecordsForABoundedTimeOnly() {
        assertThat(Topics.boundedRetention(Topics.AUDIT)).contains(java.time.Duration.ofDays(30));
        assertThat(Topics.isRetainedForever(Topics.AUDIT)).isFalse();
        assertThat(Topics.boundedRetention(Topics.QUESTIONS)).isEmpty();
    }
}
