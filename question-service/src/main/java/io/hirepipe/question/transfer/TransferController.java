package io.hirepipe.question.transfer;

import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.question.starter.StarterBank;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;

/** Moving questions between tenants and tools: JSON export and import, and QTI 2.x import. */
@RestController
@PreAuthorize("hasAnyRole('RECRUITER','PLATFORM')")
class TransferController {

    private final JsonTransfer json;
    private final QtiImport qti;

    TransferController(JsonTransfer json, QtiImport qti) {
        this.json = json;
        this.qti = qti;
    }

    /** The whole bank, or the questions named in {@code ids} (comma-separated), in the starter bank's format. */
    @PreAuthorize("hasAnyRole('VIEWER','PLATFORM')")
    @GetMapping("/api/questions/export")
    StarterBank export(Caller caller, @RequestParam(required = false) @Size(max = 20_000) String ids) {
        List<String> selection = ids == null ? null
                : Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if (selection != null && (selection.isEmpty() || selection.size() > JsonTransfer.MAX_QUESTIONS)) {
            throw ProblemException.badRequest("invalid-parameter", "Parameter 'ids' must name 1 to "
                    + JsonTransfer.MAX_QUESTIONS + " question ids.").with("parameter", "ids");
        }
        return json.export(caller, selection);
    }

    /** Creates the file's questions with new ids (drafts unless {@code publish=true}); all or nothing. */
    @PostMapping("/api/questions/import")
    JsonTransfer.ImportReport importJson(Caller caller, @RequestBody StarterBank file,
                                         @RequestParam(defaultValue = "false") boolean publish) {
        return json.importFile(caller, file, publish);
    }

    /**
     * QTI 2.1/2.2: one item XML, or a content package (zip with imsmanifest.xml), as the raw request body.
     * Supported items become drafts; every other item is reported on its own row.
     */
    @PostMapping(value = "/api/questions/import/qti", consumes = {"application/xml", "text/xml", "application/zip",
            "application/octet-stream"})
    QtiImport.QtiReport importQti(Caller caller, @RequestBody byte[] upload) {
        return qti.importUpload(caller, upload);
    }
}
