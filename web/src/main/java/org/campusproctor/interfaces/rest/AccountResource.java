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

    public record AccountView(String username, String displayName, java.util.List<String> roles, boolean enabled,
                              boolean hasPassword) {
        static AccountView of(UserAccount a) {
            return new AccountView(a.username(), a.displayName(), a.roles().stream().map(Role::roleName).sorted().toList(),
                    a.enabled(), a.hasPassword());
        }
    }

    /** Accounts whose username or display name contains the query, a page at a time. */
    @jakarta.ws.rs.GET
    public ExamResource.PageView<AccountView> list(@jakarta.ws.rs.QueryParam("query") String query,
                                                   @jakarta.ws.rs.QueryParam("page") @jakarta.ws.rs.DefaultValue("0") int page,
                                                   @jakarta.ws.rs.QueryParam("size") @jakarta.ws.rs.DefaultValue("20") int size) {
        return ExamResource.PageView.of(accounts.accounts(query, page, size), AccountView::of);
    }

    /** Sets a new password: {"password": "..."}. */
    @jakarta.ws.rs.PUT
    @Path("{username}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resetPassword(@PathParam("username") String username, Requests.NewPassword body) {
        if (body == null || body.password() == null) {
            throw new InvalidInputException("{\"password\": \"...\"} is required");
        }
        accounts.resetPassword(username, body.password());
        return Response.noContent().build();
    }

    @DELETE
    @Path("{username}")
    public Response disable(@PathParam("username") String username) {
        accounts.disable(username);
        return Response.noContent().build();
    }
}
