package org.campusproctor.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.campusproctor.application.AccountAdministration;
import org.campusproctor.domain.InvalidInputException;
import org.campusproctor.domain.identity.Role;
import org.campusproctor.domain.identity.UserAccount;

import java.util.EnumSet;
import java.util.Set;

/** Accounts (admin only, enforced by AccountAdministration). */
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    public record AccountCreated(String id, String username, java.util.List<String> roles) {
    }


    @Inject
    private AccountAdministration accounts;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Requests.NewAccount body) {
        if (body == null || body.roles() == null) {
            throw new InvalidInputException("username, password, displayName and roles are required");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        try {
            body.roles().forEach(r -> roles.add(Role.ofName(r)));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Roles are candidate, proctor, registrar, admin");
        }
        UserAccount account = accounts.create(body.username(), body.password(), body.displayName(), roles);
        return Response.status(Response.Status.CREATED).entity(new AccountCreated(account.id(), account.username(),
                account.roles().stream().map(Role::roleName).sorted().toList())).build();
    }

    @DELETE
    @Path("{username}")
    public Response disable(@PathParam("username") String username) {
        accounts.disable(username);
        return Response.noContent().build();
    }
}
