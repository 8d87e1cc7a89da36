package com.arasul.updates.internal.intake;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The upload door: a package in, the result of its checks out. */
@RestController
@RequestMapping("/api/update")
class UpdateIntakeController {

    /**
     * The result of checking one package: READY (200) or REFUSED with its reasons (422);
     * {@code retryable} when the same file may be uploaded again later (refused for the box's passing state).
     */
    record IntakeResponse(Instant timestamp, UUID id, String status, String version,
            @JsonProperty("file_name") String fileName, List<Reason> reasons, boolean retryable) {
    }

    private final UploadIntake intake;
    private final UploadReceiver receiver;

    // the gateway behind the interface exists only once the flows are registered
    UpdateIntakeController(@Lazy UploadIntake intake, IntakeFolders folders, UpdateProperties properties) {
        this.intake = intake;
        this.receiver = new UploadReceiver(folders.incoming(), properties.maxPackageSize().toBytes());
    }

    @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<IntakeResponse> upload(@RequestPart("file") MultipartFile file) throws IOException {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "upload" + StickLayout.SUFFIX : java.nio.file.Path.of(file.getOriginalFilename()).getFileName().toString();
        IncomingPackage upload = receiver.receive(file.getInputStream(), name);
        Candidate checked;
        try {
            checked = intake.check(upload);
        } finally {
            // the payload is staged by now; the archive itself is not needed again
            Files.deleteIfExists(upload.file());
        }
        IntakeResponse body = new IntakeResponse(Instant.now(), checked.id(), checked.refused() ? "REFUSED" : "READY",
                checked.version(), name, checked.reasons(), checked.retryable());
        return ResponseEntity.status(checked.refused() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).body(body);
    }
}
