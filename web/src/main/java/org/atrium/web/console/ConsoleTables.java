package org.atrium.web.console;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import org.primefaces.component.datatable.DataTable;

/** What the console's pages do with their tables. */
final class ConsoleTables {

    private ConsoleTables() {
    }

    /** Shows the first page of a table ({@code form:table}) again, after its search or filter changed. */
    static void firstPage(String clientId) {
        UIComponent table = FacesContext.getCurrentInstance().getViewRoot().findComponent(clientId);
        if (table instanceof DataTable t) {
            t.setFirst(0);
        }
    }
}
