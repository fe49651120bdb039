package org.campusproctor.interfaces.web.proctor;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolationException;
import org.campusproctor.domain.DomainException;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a use case for a proctor page and says how it went: the service's refusal (a rule, a missing reason, another
 * proctor's attempt) becomes a message on the page, like the API's 4xx answer; anything else is logged as a bug.
 */
final class PageMessages {

    private static final Logger LOG = Logger.getLogger(PageMessages.class.getName());

    private PageMessages() {
    }

    /** @return the use case's result, or null when it was refused (with the reason shown) */
    static <T> T attempt(String done, Supplier<T> useCase) {
        try {
            T result = useCase.get();
            if (done != null) {
                show(FacesMessage.SEVERITY_INFO, done);
            }
            return result;
        } catch (EJBAccessException e) {
            show(FacesMessage.SEVERITY_ERROR, "Your role does not allow this");
        } catch (DomainException e) {
            show(FacesMessage.SEVERITY_ERROR, e.getMessage());
        } catch (EJBException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof DomainException d) {
                    show(FacesMessage.SEVERITY_ERROR, d.getMessage());
                    return null;
                }
                if (t instanceof ConstraintViolationException v) {
                    show(FacesMessage.SEVERITY_ERROR, v.getConstraintViolations().stream()
                            .map(c -> c.getMessage()).findFirst().orElse("Invalid input"));
                    return null;
                }
            }
            LOG.log(Level.WARNING, "Proctor page action failed", e);
            show(FacesMessage.SEVERITY_ERROR, "Unexpected server error");
        }
        return null;
    }

    static void show(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
