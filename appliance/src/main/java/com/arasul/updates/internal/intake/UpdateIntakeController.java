package com.arasul.updates.internal.intake;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.apache.tomcat.util.http.fileupload.FileItemIterator;
import org.apache.tomcat.util.http.fileupload.FileItemStream;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.servlet.ServletRequestContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.WebUtils;

/**
 * The upload door: a package in, the result of its checks out. The multipart body is read as a
 * stream (the container does not spool it first), so the package is written once, straight into
 * the incoming folder; at most {@code maxParallelUploads} at once, and only when the disk can take it.
 */
@RestController
@RequestMapping("/api/update")
class UpdateIntakeController {

    static final String PART = "file";

    /**
     * The result of checking one package: READY (200) or REFUSED with its reasons (422);
     * {@code retryable} when the same file may be uploaded again later (refused for the box's passing state).
     */
    record IntakeResponse(Instant timestamp, UUID id, String status, String version,
            @JsonProperty("file_name") String fileName, List<Reason> reasons, boolean retryable) {
    }

    private final UploadIntake intake;
    private final UploadReceiver receiver;
    private final Semaphore uploads;
    private final int maxUploads;

    // the gateway behind the interface exists only once the flows are registered
    UpdateIntakeController(@Lazy UploadIntake intake, IntakeFolders folders, UpdateProperties properties,
            FreeDisk freeDisk) {
        this.intake = intake;
        this.receiver = new UploadReceiver(folders.incoming(), properties.maxPackageSize().toBytes(),
                properties.uploadReserve().toBytes(), freeDisk);
        this.maxUploads = properties.maxParallelUploads();
        this.uploads = new Semaphore(maxUploads);
    }

    @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload an update package and check it",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(type = "object", requiredProperties = PART),
                    schemaProperties = @SchemaProperty(name = PART, schema = @Schema(type = "string", format = "binary")))))
    @ApiResponse(responseCode = "200", description = "the package passed its checks: READY",
            content = @Content(schema = @Schema(implementation = IntakeResponse.class)))
    @ApiResponse(responseCode = "422", description = "the package was refused, with its reasons",
            content = @Content(schema = @Schema(implementation = IntakeResponse.class)))
    @ApiResponse(responseCode = "507", description = "the disk cannot take the package and keep its reserve free")
    @ApiResponse(responseCode = "413", description = "the package is larger than the limit")
    ResponseEntity<IntakeResponse> upload(HttpServletRequest request)
            throws IOException, MissingServletRequestPartException {
        if (!uploads.tryAcquire()) {
            throw new TooManyUploads(maxUploads);
        }
        try {
            // the body's length is the package plus a few hundred bytes of multipart framing
            receiver.admit(request.getContentLengthLong());
            return check(receive(request));
        } finally {
            uploads.release();
        }
    }

    private IncomingPackage receive(HttpServletRequest request) throws IOException, MissingServletRequestPartException {
        MultipartHttpServletRequest parsed = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (parsed != null && !(parsed instanceof StandardMultipartHttpServletRequest)) {
            // parts someone parsed already (a mock request in a slice test): take the file from there
            MultipartFile file = parsed.getFile(PART);
            if (file == null) {
                throw new MissingServletRequestPartException(PART);
            }
            return receiver.receive(file.getInputStream(), fileName(file.getOriginalFilename()));
        }
        try {
            FileItemIterator parts = new FileUpload().getItemIterator(new ServletRequestContext(request));
            while (parts.hasNext()) {
                FileItemStream part = parts.next();
                if (PART.equals(part.getFieldName()) && !part.isFormField()) {
                    return receiver.receive(part.openStream(), fileName(part.getName()));
                }
            }
        } catch (FileUploadException e) {
            throw new MultipartException("the body is not a well-formed multipart/form-data upload", e);
        }
        throw new MissingServletRequestPartException(PART);
    }

    private static String fileName(String original) {
        return original == null || original.isBlank() ? "upload" + StickLayout.SUFFIX
                : java.nio.file.Path.of(original.replace('\\', '/')).getFileName().toString();
    }

    private ResponseEntity<IntakeResponse> check(IncomingPackage upload) throws IOException {
        Candidate checked;
        try {
            checked = intake.check(upload);
        } finally {
            // the payload is staged by now; the archive itself is not needed again
            Files.deleteIfExists(upload.file());
        }
        IntakeResponse body = new IntakeResponse(Instant.now(), checked.id(), checked.refused() ? "REFUSED" : "READY",
                checked.version(), upload.fileName(), checked.reasons(), checked.retryable());
        return ResponseEntity.status(checked.refused() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).body(body);
    }

    /** More uploads than allowed at once: 429 with a sentence and a hint when to retry. */
    static final class TooManyUploads extends ResponseStatusException {

        TooManyUploads(int max) {
            super(HttpStatus.TOO_MANY_REQUESTS, max + " uploads are being received already; try again when one has finished");
        }

        @Override
        public HttpHeaders getHeaders() {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, "30");
            return headers;
        }
    }
}
