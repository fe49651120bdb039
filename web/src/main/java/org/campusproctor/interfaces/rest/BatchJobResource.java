package org.campusproctor.interfaces.rest;

import jakarta.batch.runtime.JobExecution;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.campusproctor.application.BatchJobs;

import java.util.Properties;

/** Starts the platform's batch jobs and reports their executions. */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
public class BatchJobResource {

    public record JobStarted(long executionId) {
    }

    /** A job execution's state; exitStatus reports what it did (e.g. PURGED:n), null while it runs. */
    public record JobExecutionView(long executionId, String job, String batchStatus, String exitStatus) {
    }


    @Inject
    private BatchJobs jobs;

    @POST
    @Path("{name}")
    public Response start(@PathParam("name") String name, @QueryParam("retentionDays") Integer retentionDays) {
        if (!BatchJobs.JOBS.contains(name)) {
            return ApiError.of(Response.Status.NOT_FOUND, "UNKNOWN_JOB", "No job named " + name);
        }
        Properties parameters = new Properties();
        if (retentionDays != null) {
            parameters.setProperty("retentionDays", Integer.toString(retentionDays));
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
        } catch (RuntimeException e) {
            return ApiError.of(Response.Status.NOT_FOUND, "UNKNOWN_EXECUTION", "No job execution " + id);
        }
        return Response.ok(new JobExecutionView(id, execution.getJobName(), execution.getBatchStatus().name(),
                execution.getExitStatus())).build();
    }
}
