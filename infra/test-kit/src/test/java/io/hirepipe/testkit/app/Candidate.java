package io.hirepipe.testkit.app;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("candidates")
public record Candidate(@Id String id, String email) {
}
