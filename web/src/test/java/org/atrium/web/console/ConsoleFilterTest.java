package org.atrium.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who {@link ConsoleFilter} lets through to the console's pages and where it sends the others. */
class ConsoleFilterTest {

    /** What the filter did with one request. */
    private static final class Outcome {
        boolean passed;
        String redirect;
        final StringWriter body = new StringWriter();
        final Map<String, String> headers = new HashMap<>();
    }

    private static Outcome run(String uri, String signedIn, String facesRequest) throws Exception {
        Outcome o = new Outcome();
        HttpSession session = signedIn == null ? null : (HttpSession) Proxy.newProxyInstance(
                ConsoleFilterTest.class.getClassLoader(), new Class<?>[] {HttpSession.class}, (p, m, a) ->
                        m.getName().equals("getAttribute") && ConsoleSession.ADMIN_ATTRIBUTE.equals(a[0])
                                ? signedIn : null);
        HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(
                ConsoleFilterTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class}, (p, m, a) ->
                        switch (m.getName()) {
                            case "getRequestURI" -> uri;
                            case "getContextPath" -> "";
                            case "getSession" -> session;
                            case "getHeader" -> "Faces-Request".equals(a[0]) ? facesRequest : null;
                            default -> null;
                        });
        PrintWriter writer = new PrintWriter(o.body);
        HttpServletResponse res = (HttpServletResponse) Proxy.newProxyInstance(
                ConsoleFilterTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "sendRedirect" -> o.redirect = (String) a[0];
                        case "setHeader", "setContentType" ->
                                o.headers.put(a.length == 2 ? (String) a[0] : "Content-Type",
                                        (String) a[a.length - 1]);
                        case "getWriter" -> {
                            return writer;
                        }
                        default -> {
                        }
                    }
                    return null;
                });
        FilterChain chain = (rq, rs) -> o.passed = true;
        new ConsoleFilter().doFilter(req, res, chain);
        writer.flush();
        return o;
    }

    @Test
    void sendsStrangersToTheLoginPage() throws Exception {
        Outcome o = run("/admin/users.xhtml", null, null);
        assertFalse(o.passed);
        assertEquals("/admin/login.xhtml", o.redirect);
    }

    @Test
    void letsTheLoginPageThrough() throws Exception {
        Outcome o = run("/admin/login.xhtml", null, null);
        assertTrue(o.passed);
        assertNull(o.redirect);
    }

    @Test
    void letsSignedInAdministratorsThroughWithoutCaching() throws Exception {
        Outcome o = run("/admin/index.xhtml", "admin@atrium.test", null);
        assertTrue(o.passed);
        assertEquals("no-store", o.headers.get("Cache-Control"));
    }

    @Test
    void answersFacesAjaxWithAPartialResponseRedirect() throws Exception {
        Outcome o = run("/admin/users.xhtml", null, "partial/ajax");
        assertFalse(o.passed);
        assertNull(o.redirect);
        assertEquals("text/xml", o.headers.get("Content-Type"));
        assertTrue(o.body.toString().contains("<redirect url=\"/admin/login.xhtml\"/>"), o.body.toString());
    }

    @Test
    void theDashboardKnowsTheVersion() {
        assertTrue(DashboardBean.version().matches("\\d+\\.\\d+\\.\\d+.*"), DashboardBean.version());
    }
}
