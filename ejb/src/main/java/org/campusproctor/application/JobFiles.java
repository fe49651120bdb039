package org.campusproctor.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.campusproctor.domain.InvalidInputException;
import org.campusproctor.domain.identity.Role;
import org.campusproctor.domain.job.JobFile;

import java.util.List;

/**
 * Files of the batch jobs: a registrar's uploads (an enrolment CSV, a zip of enrolment photos) and the exports the
 * jobs write. Staff read them back by id; the bytes are in the media store, kept there by their row.
 */
@Stateless
@RolesAllowed({Role.REGISTRAR_NAME, Role.ADMIN_NAME})
public class JobFiles {

    /** The largest upload: a 10,000-row CSV is about 1 MB; a zip of that many photos is far larger. */
    public static final int MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

    @Resource
    private SessionContext session;

    @Inject
    private JobFileStore files;

    @Inject
    private AuditLog audit;

    public JobFile upload(JobFile.Purpose purpose, String fileName, byte[] bytes) {
        if (purpose == JobFile.Purpose.EXPORT || purpose == JobFile.Purpose.CANDIDATE_DATA) {
            throw new InvalidInputException("Exports are written by the jobs");
        }
        if (bytes.length == 0) {
            throw new InvalidInputException("Empty file");
        }
        if (purpose == JobFile.Purpose.ENROLMENT_PHOTOS && !(bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K')) {
            throw new InvalidInputException("Enrolment photos come as a zip archive");
        }
        String contentType = purpose == JobFile.Purpose.ENROLMENT_CSV ? "text/csv" : "application/zip";
        JobFile file = files.write(purpose, fileName, contentType, bytes, session.getCallerPrincipal().getName(), null);
        audit.record("JOB_FILE_UPLOADED", "job-file", file.id(), purpose + " " + file.fileName() + " "
                + bytes.length + " bytes sha256=" + file.sha256());
        return file;
    }

    /** A job file; a candidate's data archive only for whoever made it and admins (others: 404, as if none). */
    public JobFile find(String id) {
        JobFile file = files.find(id);
        if (file.purpose() == JobFile.Purpose.CANDIDATE_DATA && !session.isCallerInRole(Role.ADMIN_NAME)
                && !file.owner().equals(session.getCallerPrincipal().getName())) {
            throw new org.campusproctor.domain.NotFoundException("Job file", id);
        }
        return file;
    }

    public byte[] bytes(String id) {
        return files.bytes(find(id).id());
    }

    /** The files a job instance wrote (its exports). */
    public List<JobFile> ofInstance(long instanceId) {
        return files.ofInstance(instanceId);
    }
}
