package org.campusproctor.interfaces.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.campusproctor.application.CallerOrigin;

import java.io.IOException;

/** Hands the client's address to the audit log ("from where"). Behind a proxy, configure Undertow's proxy-address-forwarding. */
@WebFilter(filterName = "OriginFilter", urlPatterns = "/*") // first: web.xml orders the filters
public class OriginFilter extends HttpFilter {

    @Inject
    private CallerOrigin origin;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        origin.address(request.getRemoteAddr());
        chain.doFilter(request, response);
    }
}
