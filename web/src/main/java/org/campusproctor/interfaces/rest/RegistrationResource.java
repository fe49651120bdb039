package org.campusproctor.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.campusproctor.application.RegistrationDesk;
import org.campusproctor.domain.InvalidInputException;

/** A registration's allowances (registrars): editable until its attempt starts, every change audited. */
@Path("registrations/{registrationId}/allowances")
public class RegistrationResource {

    @Inject
    private RegistrationDesk desk;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ExamResource.RegistrationView change(@PathParam("registrationId") String registrationId,
                                                Requests.NewRegistration body) {
        if (body == null || body.extraTimeSeconds() == null) {
            throw new InvalidInputException("extraTimeSeconds is required (accommodations optional)");
        }
        return ExamResource.RegistrationView.of(desk.changeAllowances(registrationId, body.extraTimeSeconds(),
                body.accommodations()));
    }
}
