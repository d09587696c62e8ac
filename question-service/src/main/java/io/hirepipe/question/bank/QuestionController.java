package io.hirepipe.question.bank;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.web.Items;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** The question bank of the caller's tenant, for recruiters and platform clients (answer keys included). */
@RestController
@RequestMapping("/api/questions")
@PreAuthorize("hasAnyRole('RECRUITER','PLATFORM')")
class QuestionController {

    private final QuestionService questions;

    QuestionController(QuestionService questions) {
        this.questions = questions;
    }

    @PostMapping
    ResponseEntity<QuestionView> create(Caller caller, @Valid @RequestBody QuestionRequest request) {
        QuestionView created = questions.create(caller, request);
        // Relative, so it stays right behind the gateway, which proxies the same paths.
        return ResponseEntity.created(URI.create("/api/questions/" + created.id())).body(created);
    }

    @GetMapping
    Items<QuestionView> list(Caller caller,
                             @RequestParam(required = false) QuestionStatus status,
                             @RequestParam(required = false) @Size(max = 50) String tag,
                             @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return Items.of(questions.list(caller, status, tag, limit));
    }

    @GetMapping("/{id}")
    QuestionView get(Caller caller, @PathVariable String id) {
        return questions.get(caller, id);
    }

    @GetMapping("/{id}/versions/{version}")
    PublishedQuestionView publishedVersion(Caller caller, @PathVariable String id, @PathVariable int version) {
        return questions.publishedVersion(caller, id, version);
    }

    @PutMapping("/{id}")
    QuestionView replace(Caller caller, @PathVariable String id, @Valid @RequestBody QuestionRequest request) {
        return questions.replace(caller, id, request);
    }

    @PostMapping("/{id}/publish")
    QuestionView publish(Caller caller, @PathVariable String id) {
        return questions.publish(caller, id);
    }

    @PostMapping("/{id}/retire")
    QuestionView retire(Caller caller, @PathVariable String id) {
        return questions.retire(caller, id);
    }
}
