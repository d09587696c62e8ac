package io.hirepipe.question.transfer;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.web.Refusal;
import io.hirepipe.question.starter.StarterBank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;

/** Moving questions between tenants and tools: JSON export and import, QTI 2.1 export and QTI 2.x/3.0 import. */
@Tag(name = "Question import and export")
@RestController
@PreAuthorize("hasAnyRole('RECRUITER','PLATFORM')")
class TransferController {

    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final JsonTransfer json;
    private final QtiImport qti;
    private final QtiExport qtiExport;

    TransferController(JsonTransfer json, QtiImport qti, QtiExport qtiExport) {
        this.json = json;
        this.qti = qti;
        this.qtiExport = qtiExport;
    }

    /**
     * The whole bank, or the questions named in {@code ids} (comma-separated), in the starter bank's format;
     * with {@code includeTests=true} also the tests that are not retired, and the questions they name.
     */
    @PreAuthorize("hasAnyRole('VIEWER','PLATFORM')")
    @Operation(summary = "Export questions (and tests) as a JSON bank file")
    @GetMapping("/api/questions/export")
    StarterBank export(Caller caller, @RequestParam(required = false) @Size(max = 20_000) String ids,
                       @RequestParam(defaultValue = "false") boolean includeTests) {
        return json.export(caller, selection(ids), includeTests);
    }

    /**
     * The same selection as a QTI 2.1 content package: free-text items carry their rubric (a scorer
     * rubricBlock with a Hirepipe extension that {@code /import/qti} reads back).
     */
    @PreAuthorize("hasAnyRole('VIEWER','PLATFORM')")
    @Operation(summary = "Export questions as a QTI 2.1 zip")
    @ApiResponse(responseCode = "200", description = "A QTI 2.1 content package",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/api/questions/export/qti")
    ResponseEntity<byte[]> exportQti(Caller caller, @RequestParam(required = false) @Size(max = 20_000) String ids) {
        byte[] zip = qtiExport.export(caller, selection(ids));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("hirepipe-questions-qti.zip").build().toString())
                .body(zip);
    }

    private static List<String> selection(String ids) {
        List<String> selection = ids == null ? null
                : Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if (selection != null && (selection.isEmpty() || selection.size() > JsonTransfer.MAX_QUESTIONS)) {
            throw ProblemException.badRequest("invalid-parameter", "Parameter 'ids' must name 1 to "
                    + JsonTransfer.MAX_QUESTIONS + " question ids.").with("parameter", "ids");
        }
        return selection;
    }

    /**
     * Creates the file's questions with new ids (drafts unless {@code publish=true}), then its tests as drafts
     * that name the imported questions (a file with tests needs {@code publish=true}). Everything is checked
     * before anything is stored.
     */
    @Refusal(status = 409, type = "import-in-progress", detail = "Another import into this question bank is running. "
            + "Try again when it has finished: importing the same file again then adds only what it did not.")
    @Operation(summary = "Import a JSON bank file")
    @PostMapping("/api/questions/import")
    JsonTransfer.ImportReport importJson(Caller caller, @RequestBody StarterBank file,
                                         @RequestParam(defaultValue = "false") boolean publish) {
        return json.importFile(caller, file, publish);
    }

    /**
     * QTI 2.1/2.2/3.0: one item XML, or a content package (zip with imsmanifest.xml), as the raw request body.
     * Supported items become drafts; every other item is reported on its own row.
     */
    @Refusal(status = 409, type = "import-in-progress", detail = "Another import into this question bank is running. "
            + "Try again when it has finished: importing the same file again then adds only what it did not.")
    @Operation(summary = "Import QTI 2.1/2.2/3.0 items (XML or zip)")
    @PostMapping(value = "/api/questions/import/qti", consumes = {"application/xml", "text/xml", "application/zip",
            "application/octet-stream"})
    QtiImport.QtiReport importQti(Caller caller, @RequestBody byte[] upload,
                                  @Parameter(hidden = true) @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type) {
        return qti.importUpload(caller, upload, type.isCompatibleWith(ZIP));
    }
}
