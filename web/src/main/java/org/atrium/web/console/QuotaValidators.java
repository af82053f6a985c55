package org.atrium.web.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/** The {@link QuotaForm} fields' checks as Faces validators ({@code validator="#{quota.bytes}"}), run as typed. */
@Named("quota")
@ApplicationScoped
public class QuotaValidators {

    public void bytes(FacesContext fc, UIComponent component, Object value) {
        ConsoleInput.bytes(value);
    }

    public void messages(FacesContext fc, UIComponent component, Object value) {
        ConsoleInput.count(value);
    }

    public void warnPercent(FacesContext fc, UIComponent component, Object value) {
        ConsoleInput.percent(value);
    }
}
