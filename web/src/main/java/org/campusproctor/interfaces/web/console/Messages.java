package org.campusproctor.interfaces.web.console;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import org.campusproctor.domain.DomainException;
import org.campusproctor.interfaces.rest.ErrorMappers;

/** Faces messages of the consoles: what was done, or why a service refused (its own message, never a stack trace). */
final class Messages {

    private Messages() {
    }

    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    /** Shows why the action was refused and logs it like a refused API request ({@link ErrorMappers#logRefusal}). */
    static void refused(RuntimeException e) {
        Throwable cause = e;
        while ((cause instanceof EJBException || cause.getCause() instanceof org.campusproctor.domain.DomainException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String text = cause instanceof jakarta.ejb.EJBAccessException ? "Not allowed"
                : cause instanceof jakarta.validation.ConstraintViolationException v
                ? v.getConstraintViolations().stream().map(c -> c.getPropertyPath() + " " + c.getMessage()).sorted()
                        .reduce((a, b) -> a + "; " + b).orElse("Invalid input")
                : cause.getMessage();
        boolean invalid = cause instanceof jakarta.validation.ConstraintViolationException
                || cause instanceof IllegalArgumentException; // bean validation, or what the console itself checked
        int status = cause instanceof DomainException d ? ErrorMappers.status(d).getStatusCode()
                : cause instanceof jakarta.ejb.EJBAccessException ? 403 : invalid ? 400 : 500;
        String code = cause instanceof DomainException d ? d.code()
                : cause instanceof jakarta.ejb.EJBAccessException ? "FORBIDDEN" : invalid ? "INVALID_INPUT" : "SERVER_ERROR";
        FacesContext faces = FacesContext.getCurrentInstance();
        ErrorMappers.logRefusal((HttpServletRequest) faces.getExternalContext().getRequest(), status, code, text);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text == null ? "Refused" : text, null));
    }
}
