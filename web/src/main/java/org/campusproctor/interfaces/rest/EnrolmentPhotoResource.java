package org.campusproctor.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.campusproctor.application.FrameIntake;
import org.campusproctor.application.FrameRejectedException;
import org.campusproctor.application.RegistrationDesk;

import java.io.IOException;
import java.io.InputStream;

/**
 * A registration's enrolment photo (registrars): the reference face the identity check and the webcam frames are
 * compared with. Refused (400, code ENROLMENT_PHOTO_NO_FACE / _SEVERAL_FACES / _SPOOF / _FACE_CUT_OFF) unless it
 * shows exactly one live face.
 */
@Path("registrations/{registrationId}/enrolment-photo")
public class EnrolmentPhotoResource {

    @Inject
    private RegistrationDesk desk;

    @PUT
    @Consumes({"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public ExamResource.RegistrationView record(@PathParam("registrationId") String registrationId, InputStream body)
            throws IOException {
        return ExamResource.RegistrationView.of(desk.recordEnrolmentPhoto(registrationId, readPhoto(body)));
    }

    /** A photo body, refused (413) beyond the frame size limit without buffering more than one byte past it. */
    static byte[] readPhoto(InputStream body) throws IOException {
        int limit = FrameIntake.maxFrameBytes();
        byte[] photo = body.readNBytes(limit + 1);
        if (photo.length > limit) {
            throw new FrameRejectedException(FrameRejectedException.Reason.TOO_LARGE,
                    "Photo exceeds the limit of " + limit + " bytes");
        }
        return photo;
    }
}
