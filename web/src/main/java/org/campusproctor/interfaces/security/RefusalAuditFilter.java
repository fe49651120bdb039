package org.campusproctor.interfaces.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.campusproctor.application.RequestRefusals;

import java.io.IOException;

/**
 * Audits the refusals of access to attempts of each request after its work, outside the refused transaction
 * ({@link RequestRefusals}). The API audits them before it writes its answer ({@code RefusalAuditResponseFilter}),
 * so a refusal is in the audit log when its 403 or 404 arrives; pages and sockets, here at the end.
 */
@WebFilter(filterName = "RefusalAuditFilter", urlPatterns = "/*")
public class RefusalAuditFilter extends HttpFilter {

    @Inject
    private RequestRefusals refusals;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        refusals.defer();
        try {
            chain.doFilter(request, response);
        } finally {
            refusals.audit();
        }
    }
}
