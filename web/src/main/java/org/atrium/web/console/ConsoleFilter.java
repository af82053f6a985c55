package org.atrium.web.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Sends anyone not signed in to the console's login page. The login page itself passes; Faces resources are served
 * under {@code /jakarta.faces.resource/}, outside {@code /admin}. A Faces Ajax request gets a partial-response
 * redirect (Jakarta Faces 4 §13.4.4), since a browser's XHR would not follow a 302 to a page.
 */
@WebFilter("/admin/*")
public class ConsoleFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String LOGIN_PAGE = "/admin/login.xhtml";

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        HttpSession session = req.getSession(false);
        boolean signedIn = session != null && session.getAttribute(ConsoleSession.ADMIN_ATTRIBUTE) != null;
        if (signedIn || path.equals(LOGIN_PAGE)) {
            res.setHeader("Cache-Control", "no-store");
            chain.doFilter(req, res);
            return;
        }
        String login = req.getContextPath() + LOGIN_PAGE;
        if ("partial/ajax".equals(req.getHeader("Faces-Request"))) {
            res.setContentType("text/xml");
            res.setCharacterEncoding("UTF-8");
            res.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + login + "\"/></partial-response>");
            return;
        }
        res.sendRedirect(login);
    }
}
