package org.campusproctor.interfaces.rest;

import jakarta.batch.runtime.JobExecution;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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

import java.util.Properties;
import java.util.logging.Logger;

/**
 * Starts the platform's batch jobs and reports their executions. A job is started with a JSON body (its parameters,
 * {@code {}} for the defaults): no HTML form can send one, so a page of another site cannot start a job with the
 * session of a registrar who visits it.
 */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
public class BatchJobResource {

    private static final Logger LOG = Logger.getLogger(BatchJobResource.class.getName());

    public record JobStarted(long executionId) {
    }

    /** A job execution's state; exitStatus reports what it did (e.g. PURGED:n), null while it runs. */
    public record JobExecutionView(long executionId, String job, String batchStatus, String exitStatus) {
    }


    @Inject
    private BatchJobs jobs;

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
        long id = jobs.start(name, parameters);
        return Response.accepted(new JobStarted(id)).build();
    }

    @GET
    @Path("executions/{id}")
    public Response execution(@PathParam("id") long id) {
        JobExecution execution;
        try {
            execution = jobs.execution(id);
        } catch (jakarta.ejb.EJBAccessException refused) {
            throw refused; // 401/403 like every service
        } catch (RuntimeException e) {
            return ApiError.of(Response.Status.NOT_FOUND, "UNKNOWN_EXECUTION", "No job execution " + id);
        }
        return Response.ok(new JobExecutionView(id, execution.getJobName(), execution.getBatchStatus().name(),
                execution.getExitStatus())).build();
    }
}
