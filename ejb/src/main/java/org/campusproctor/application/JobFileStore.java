package org.campusproctor.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.campusproctor.contract.media.MediaStore;
import org.campusproctor.contract.media.StoredObject;
import org.campusproctor.domain.Ids;
import org.campusproctor.domain.NotFoundException;
import org.campusproctor.domain.job.JobFile;
import org.campusproctor.infrastructure.media.TransactionalMedia;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes job files in the caller's transaction (plumbing shared by {@link JobFiles} and the jobs, which run
 * without a caller): the row and its bytes commit, or go, together.
 */
@Dependent
public class JobFileStore {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private TransactionalMedia media;

    @Inject
    private MediaStore store;

    public JobFile write(JobFile.Purpose purpose, String fileName, String contentType, byte[] bytes, String owner,
                         Long instanceId) {
        String id = Ids.newId();
        StoredObject object = media.put("jobs/" + purpose.name().toLowerCase(Locale.ROOT) + "/" + id, bytes);
        JobFile file = new JobFile(id, purpose, safeName(fileName), contentType, object, owner, instanceId, Instant.now());
        em.persist(file);
        return file;
    }

    public JobFile find(String id) {
        JobFile file = id == null || id.length() > 36 ? null : em.find(JobFile.class, id);
        if (file == null) {
            throw new NotFoundException("Job file", id);
        }
        return file;
    }

    public byte[] bytes(String id) {
        return store.get(find(id).storageKey());
    }

    public List<JobFile> ofInstance(long instanceId) {
        return em.createNamedQuery(JobFile.OF_INSTANCE, JobFile.class).setParameter("instanceId", instanceId)
                .getResultList();
    }

    /** A file name for display and downloads: safe characters only, never a path. */
    static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "").replaceAll("[^A-Za-z0-9._-]", "_");
        name = name.replaceAll("^[._]+", "");
        if (name.isEmpty()) {
            name = "file";
        }
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}
