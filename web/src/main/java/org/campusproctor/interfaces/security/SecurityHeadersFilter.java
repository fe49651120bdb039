package org.campusproctor.interfaces.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.primefaces.csp.CspException;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * Browser hardening headers on every response: no framing (clickjacking), no MIME sniffing, no referrer to other
 * sites, and a Content-Security-Policy. Faces pages get their script policy from PrimeFaces (web.xml
 * {@code primefaces.CSP}: a per-response nonce on its scripts), so here they get only the directives that do not
 * concern scripts (a second policy is enforced on top of the first); everything else (API, resources, error pages)
 * may load nothing at all when opened as a document. A Faces form posted without its page's nonce (which
 * PrimeFaces' script adds to every form) is a forged or replayed post: 400, not the 500 of an unhandled exception.
 */
@WebFilter(filterName = "SecurityHeadersFilter", urlPatterns = "/*")
public class SecurityHeadersFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(SecurityHeadersFilter.class.getName());

    static final String PAGE_POLICY = "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String OTHER_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean page = path.isEmpty() || path.equals("/") || path.endsWith(".xhtml") && !path.startsWith("/jakarta.faces.resource/");
        response.setHeader("Content-Security-Policy", page ? PAGE_POLICY : OTHER_POLICY);
        try {
            chain.doFilter(request, response);
        } catch (ServletException e) {
            if (!(rootCause(e) instanceof CspException) || response.isCommitted()) {
                throw e;
            }
            LOG.warning(() -> "Form post without its page's CSP nonce refused: " + request.getRequestURI() + " from "
                    + request.getRemoteAddr());
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
