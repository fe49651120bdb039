package org.campusproctor.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.campusproctor.contract.media.StoredObject;
import org.campusproctor.contract.settings.Settings;
import org.campusproctor.domain.media.StoredMedia;
import org.campusproctor.domain.registration.Registration;
import org.campusproctor.infrastructure.media.TransactionalMedia;

import java.time.Instant;

/**
 * Records a registration's enrolment photo (JPEG or PNG): the reference the vision workers compare webcam frames
 * with. One way for the registrar's upload and the enrolment import alike; runs in the caller's transaction.
 */
@Dependent
public class EnrolmentPhotos {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private TransactionalMedia media;

    @Inject
    private AuditLog audit;

    /**
     * Checks the photo as any image is checked at the door.
     *
     * @throws FrameRejectedException when it is not a usable JPEG or PNG
     */
    public void check(byte[] photo) {
        ImageFormat.of(photo, Settings.FRAME_MAX_BYTES.value());
    }

    /** Stores the photo; it replaces the previous one for later frames. */
    public void record(Registration registration, byte[] photo, String actor) {
        ImageFormat format = ImageFormat.of(photo, Settings.FRAME_MAX_BYTES.value());
        String id = StoredMedia.newId();
        StoredObject object = media.put("enrolment/" + registration.id() + "/" + id + "." + format.extension(), photo);
        em.persist(StoredMedia.enrolmentPhoto(id, registration.id(), object, format.contentType(), Instant.now()));
        registration.recordEnrolmentPhoto(id);
        audit.recordAs(actor, "ENROLMENT_PHOTO_RECORDED", "registration", registration.id(),
                "media=" + id + " sha256=" + object.sha256());
    }
}
