package org.campusproctor.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.campusproctor.application.BatchJobs;
import org.campusproctor.application.JobFiles;
import org.campusproctor.application.JobProgress;
import org.campusproctor.domain.InvalidInputException;
import org.campusproctor.domain.job.JobFile;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Starts the platform's batch jobs and reports their executions. A job is started with a JSON body (its parameters,
 * {@code {}} for the defaults): no HTML form can send one, so a page of another site cannot start a job with the
 * session of a registrar who visits it. For the same reason files are uploaded as {@code text/csv} or
 * {@code application/zip} bodies, which no form sends either.
 */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
public class BatchJobResource {

    private static final Logger LOG = Logger.getLogger(BatchJobResource.class.getName());

    public record JobStarted(long executionId) {
    }

    public record FileView(String id, String purpose, String fileName, String contentType, long sizeBytes,
                           String sha256, String owner, Instant createdAt) {
        static FileView of(JobFile f) {
            return new FileView(f.id(), f.purpose().name(), f.fileName(), f.contentType(), f.sizeBytes(), f.sha256(),
                    f.owner(), f.createdAt());
        }
    }

    public record StepView(String step, String batchStatus, String exitStatus, long total, long done, int percent,
                           java.util.Map<String, Long> counts, long readCount, long writeCount, long commitCount,
                           long rollbackCount) {
    }

    /** A job execution's state; exitStatus reports what it did (e.g. PURGED:n), progress per step, files written. */
    public record JobExecutionView(long executionId, long instanceId, String job, String batchStatus, String exitStatus,
                                   Instant startTime, Instant endTime, List<StepView> steps, long rejected,
                                   List<FileView> files) {
        static JobExecutionView of(BatchJobs.ExecutionView e) {
            return new JobExecutionView(e.executionId(), e.instanceId(), e.job(), e.batchStatus(), e.exitStatus(),
                    e.startTime(), e.endTime(), e.steps().stream().map(s -> {
                        JobProgress p = s.progress();
                        return new StepView(s.step(), s.batchStatus(), s.exitStatus(), p == null ? 0 : p.total(),
                                p == null ? 0 : p.done(), p == null ? 0 : p.percent(),
                                p == null ? java.util.Map.of() : p.counts(), s.readCount(), s.writeCount(),
                                s.commitCount(), s.rollbackCount());
                    }).toList(), e.rejected(), e.files().stream().map(FileView::of).toList());
        }
    }

    public record RejectView(long line, String item, String reason) {
    }

    @Inject
    private BatchJobs jobs;

    @Inject
    private JobFiles files;

    @POST
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(@PathParam("name") String name, @Context HttpHeaders headers,
                          @QueryParam("retentionDays") String retentionDaysInQuery, Requests.JobParameters body) {
        MediaType type = headers.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            LOG.info(() -> "Batch job " + name + " not started: content type " + type);
            return ApiError.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "JSON_BODY_REQUIRED",
                    "Start a job with a JSON body (Content-Type: application/json), e.g. {\"retentionDays\": 30}");
        }
        if (!BatchJobs.JOBS.contains(name)) {
            return ApiError.of(Response.Status.NOT_FOUND, "UNKNOWN_JOB", "No job named " + name);
        }
        if (body == null) {
            return ApiError.of(Response.Status.BAD_REQUEST, "JSON_BODY_REQUIRED",
                    "Job parameters go in the JSON body, {} for the defaults");
        }
        if (retentionDaysInQuery != null) { // ignoring it would purge with the default: refuse instead
            return ApiError.of(Response.Status.BAD_REQUEST, "INVALID_INPUT",
                    "retentionDays goes in the JSON body, e.g. {\"retentionDays\": 30}");
        }
        Properties parameters = new Properties();
        if (body.retentionDays() != null) {
            parameters.setProperty("retentionDays", Integer.toString(body.retentionDays()));
        }
        if (body.dryRun() != null) {
            parameters.setProperty("dryRun", body.dryRun().toString());
        }
        if (body.csvFile() != null) {
            parameters.setProperty("csvFile", body.csvFile());
        }
        if (body.photosFile() != null) {
            parameters.setProperty("photosFile", body.photosFile());
        }
        if (body.exam() != null) {
            parameters.setProperty("exam", body.exam());
        }
        if (body.candidate() != null) {
            parameters.setProperty("candidate", body.candidate());
        }
        if (body.attempt() != null) {
            parameters.setProperty("attempt", body.attempt());
        }
        if (body.chunkSize() != null) {
            parameters.setProperty("chunkSize", body.chunkSize().toString());
        }
        if (body.resultWaitSeconds() != null) {
            parameters.setProperty("resultWaitSeconds", body.resultWaitSeconds().toString());
        }
        long id = jobs.start(name, parameters);
        return Response.accepted(new JobStarted(id)).build();
    }

    /** Uploads a file for a job: an enrolment CSV ({@code text/csv}) or a zip of enrolment photos. */
    @POST
    @Path("files")
    @Consumes({"text/csv", "application/zip"})
    public Response upload(@Context HttpHeaders headers, @QueryParam("name") String fileName, InputStream body)
            throws IOException {
        byte[] bytes = body.readNBytes(JobFiles.MAX_UPLOAD_BYTES + 1);
        if (bytes.length > JobFiles.MAX_UPLOAD_BYTES) {
            return ApiError.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "TOO_LARGE",
                    "A job file is at most " + JobFiles.MAX_UPLOAD_BYTES + " bytes");
        }
        boolean csv = headers.getMediaType().isCompatible(MediaType.valueOf("text/csv"));
        JobFile file = files.upload(csv ? JobFile.Purpose.ENROLMENT_CSV : JobFile.Purpose.ENROLMENT_PHOTOS,
                fileName == null ? (csv ? "enrolment.csv" : "photos.zip") : fileName, bytes);
        return Response.status(Response.Status.CREATED).entity(FileView.of(file)).build();
    }

    /** A job file's bytes, as an attachment (never rendered by the browser as a page of this site). */
    @GET
    @Path("files/{id}")
    @Produces({"text/csv", "application/pdf", "application/zip", MediaType.APPLICATION_JSON})
    public Response download(@PathParam("id") String id) {
        JobFile file = files.find(id);
        return Response.ok(files.bytes(id), file.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("executions")
    public List<JobExecutionView> latest(@QueryParam("max") @DefaultValue("20") int max) {
        return jobs.latest(Math.max(1, Math.min(max, 100))).stream().map(JobExecutionView::of).toList();
    }

    @GET
    @Path("executions/{id}")
    public JobExecutionView execution(@PathParam("id") long id) {
        return JobExecutionView.of(jobs.execution(id));
    }

    /** What the execution's job rejected, by line, a page at a time. */
    @GET
    @Path("executions/{id}/rejected")
    public List<RejectView> rejected(@PathParam("id") long id, @QueryParam("page") @DefaultValue("0") int page,
                                     @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new InvalidInputException("page ≥ 0, size 1..500");
        }
        return jobs.rejected(id, page, size).stream().map(l -> new RejectView(l.lineNumber(), l.item(), l.reason()))
                .toList();
    }

    @POST
    @Path("executions/{id}/stop")
    public Response stop(@PathParam("id") long id) {
        jobs.stop(id);
        return Response.accepted().build();
    }

    @POST
    @Path("executions/{id}/restart")
    public Response restart(@PathParam("id") long id) {
        return Response.accepted(new JobStarted(jobs.restart(id))).build();
    }
}
