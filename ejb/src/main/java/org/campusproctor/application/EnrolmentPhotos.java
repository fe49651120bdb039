package org.campusproctor.application;

import org.campusproctor.domain.InvalidInputException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.campusproctor.contract.media.MediaStore;
import org.campusproctor.contract.media.StoredObject;
import org.campusproctor.contract.settings.Settings;
import org.campusproctor.domain.media.StoredMedia;
import org.campusproctor.infrastructure.media.TransactionalMedia;
import org.campusproctor.domain.registration.Registration;

import java.time.Instant;

/**
 * Records a registration's enrolment photo, the reference face: stored in the media store with its checksum (removed
 * again if the transaction rolls back), checked by the vision worker (one live face, else refused with the reason;
 * the worker keeps its embedding), and audited, a replaced photo with the one it replaces. Used by the registrar's
 * upload and by a proctor's approval of an identity check without enrolment.
 */
@ApplicationScoped
public class EnrolmentPhotos {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private TransactionalMedia media;

    @Inject
    private MediaStore store;

    @Inject
    private FaceChecks faces;

    @Inject
    private AuditLog audit;

    /**
     * Checks the photo as any image is checked at the door (the face is checked when it is recorded).
     *
     * @throws FrameRejectedException when it is not a usable JPEG or PNG
     */
    public void check(byte[] photo) {
        ImageFormat.of(photo, Settings.FRAME_MAX_BYTES.value());
    }

    /**
     * @param actor  who records it, for the audit trail (a batch job has no caller of its own)
     * @param source how the photo came (e.g. "upload", "identity check of attempt X", "enrolment import")
     * @throws InvalidInputException when the vision worker refuses it (no face, several, a spoof...); nothing is kept
     */
    public StoredMedia record(Registration registration, byte[] photo, String actor, String source) {
        ImageFormat format = ImageFormat.of(photo, Settings.FRAME_MAX_BYTES.value());
        String id = StoredMedia.newId();
        StoredObject object = media.put("enrolment/" + registration.id() + "/" + id + "." + format.extension(), photo);
        try {
            faces.requireUsableEnrolment(object.key());
        } catch (InvalidInputException refused) {
            media.deleteOnCommit(object.key()); // a caller that goes on (the import) must not commit the file
            throw refused;
        }
        StoredMedia stored = StoredMedia.enrolmentPhoto(id, registration.id(), object, format.contentType(), Instant.now());
        em.persist(stored);
        String previous = registration.enrolmentMediaId();
        registration.recordEnrolmentPhoto(id);
        String detail = "media=" + id + " sha256=" + object.sha256() + " source=" + source;
        if (previous == null) {
            audit.recordAs(actor, "ENROLMENT_PHOTO_RECORDED", "registration", registration.id(), detail);
        } else {
            audit.recordAs(actor, "ENROLMENT_PHOTO_REPLACED", "registration", registration.id(), detail + " replaces=" + previous);
        }
        return stored;
    }

    /** The storage key of the registration's enrolment photo, or null when it has none. */
    public String storageKey(Registration registration) {
        if (registration == null || registration.enrolmentMediaId() == null) {
            return null;
        }
        StoredMedia photo = em.find(StoredMedia.class, registration.enrolmentMediaId());
        return photo == null ? null : photo.storageKey();
    }

    /** The bytes of a stored photo. */
    public byte[] bytes(StoredMedia photo) {
        return store.get(photo.storageKey());
    }
}
