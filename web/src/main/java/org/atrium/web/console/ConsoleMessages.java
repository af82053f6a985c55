package org.atrium.web.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Set;
import org.atrium.store.application.StoreException;

/** Shows a service's refusal plainly: beside the field it names when the form has that field, else above the form. */
final class ConsoleMessages {

    private ConsoleMessages() {
    }

    /**
     * Adds the refusal's message for the field's component ({@code <form>:<field>}) when {@code fields} has it, else
     * as a global message, and marks the request failed so that dialogs stay open.
     */
    static void refusal(StoreException e, String form, Set<String> fields) {
        FacesContext fc = FacesContext.getCurrentInstance();
        String clientId = e.field() != null && fields.contains(e.field()) ? form + ":" + e.field() : null;
        fc.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        fc.validationFailed();
    }

    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }
}
