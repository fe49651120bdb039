package org.campusproctor.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.campusproctor.application.RequestRefusals;

/**
 * Audits the refusals of an API call ({@link RequestRefusals}) once its service call is over and before its answer is
 * written, so that a client that reads the audit log after a 403 or 404 finds them.
 */
@Provider
public class RefusalAuditResponseFilter implements ContainerResponseFilter {

    @Inject
    private RequestRefusals refusals;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        refusals.audit();
    }
}
