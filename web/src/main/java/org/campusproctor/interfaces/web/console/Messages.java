package org.campusproctor.interfaces.web.console;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Faces messages of the consoles: what was done, or why a service refused (its own message, never a stack trace). */
final class Messages {

    private Messages() {
    }

    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

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
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                text == null ? "Refused" : text, null));
    }
}
