package org.atrium.web.api;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Servlet requests carrying what {@link AdminAuthFilter} leaves in them, for resources called without a runtime. */
final class TestRequests {

    private TestRequests() {
    }

    /** Signed in as the global administrator {@code admin@a.test}. */
    static HttpServletRequest globalAdmin() {
        return with(Map.of(AdminAuthFilter.ADMIN_PROPERTY, "admin@a.test"));
    }

    /** Signed in as {@code user}, who administers {@code domains} (none: a plain user). */
    static HttpServletRequest user(String user, String... domains) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(AdminAuthFilter.USER_PROPERTY, user);
        if (domains.length > 0) {
            attributes.put(AdminScope.DOMAINS_PROPERTY, List.of(domains));
        }
        return with(attributes);
    }

    private static HttpServletRequest with(Map<String, Object> attributes) {
        return (HttpServletRequest) Proxy.newProxyInstance(TestRequests.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "getRemoteAddr" -> "192.0.2.1";
                    case "toString" -> "request" + attributes;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
