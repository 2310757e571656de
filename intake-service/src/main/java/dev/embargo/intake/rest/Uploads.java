package dev.embargo.intake.rest;

import dev.embargo.intake.service.IncomingFile;
import dev.embargo.intake.service.ReportAttachments;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Reads the files of a multipart upload once the count and each size are known to be within the
 * limits. The HTTP layer spooled them to the uploads directory, which it empties when the request
 * ends; reading goes through Vert.x's file system so the event loop never blocks.
 */
@ApplicationScoped
class Uploads {

    private final Vertx vertx;
    private final ReportAttachments attachments;

    Uploads(Vertx vertx, ReportAttachments attachments) {
        this.vertx = vertx;
        this.attachments = attachments;
    }

    Uni<List<IncomingFile>> read(List<FileUpload> uploads) {
        List<FileUpload> files = uploads == null ? List.of() : uploads;
        attachments.checkCount(files.size());
        files.forEach(file -> attachments.checkSize(file.fileName(), file.size()));
        return Multi.createFrom()
                .iterable(files)
                .onItem()
                .transformToUniAndConcatenate(
                        file ->
                                vertx.fileSystem()
                                        .readFile(file.uploadedFile().toString())
                                        .map(
                                                buffer ->
                                                        new IncomingFile(
                                                                file.fileName(),
                                                                buffer.getBytes())))
                .collect()
                .asList();
    }
}
