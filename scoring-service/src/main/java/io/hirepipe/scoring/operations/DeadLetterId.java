package io.hirepipe.scoring.operations;

import java.util.Optional;

/** Where a dead letter sits: written {@code <topic>:<partition>:<offset>} in URLs. */
public record DeadLetterId(String topic, int partition, long offset) {

    @Override
    public String toString() {
        return topic + ":" + partition + ":" + offset;
    }

    /** @return empty when {@code text} is not an id of this shape */
    public static Optional<DeadLetterId> parse(String text) {
        if (text == null || text.length() > 300) {
            return Optional.empty();
        }
        String[] parts = text.split(":");
        if (parts.length != 3 || parts[0].isBlank()) {
            return Optional.empty();
        }
        try {
            int partition = Integer.parseInt(parts[1]);
            long offset = Long.parseLong(parts[2]);
            return partition < 0 || offset < 0 ? Optional.empty()
                    : Optional.of(new DeadLetterId(parts[0], partition, offset));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
