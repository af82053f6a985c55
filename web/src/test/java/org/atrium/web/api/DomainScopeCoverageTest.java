package org.atrium.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.io.File;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.atrium.store.application.PublicFolderService;
import org.atrium.store.application.StoreException;
import org.junit.jupiter.api.Test;

/**
 * Deny by default (ADR 0015): walks every resource method of every {@link DomainScoped} class by reflection and calls
 * it as the administrator of {@code d1.test} with names and addresses of {@code d2.test}; each must refuse with
 * FORBIDDEN before it changes anything. A new method that forgets its {@link AdminScope} check fails here. The same
 * calls with {@code d1.test} must not be refused (the checks are about the domain, not a blanket refusal), except
 * for the few methods listed as global only.
 */
class DomainScopeCoverageTest {

    /** The classes domain administrators reach; a change here is a decision for ADR 0015. */
    private static final Set<String> SCOPED = Set.of("DkimResource", "DomainResource", "GrantResource",
            "GroupResource", "PublicFolderResource", "UserResource");

    /** Methods that refuse domain administrators everywhere. */
    private static final Set<String> GLOBAL_ONLY = Set.of("DomainResource.add", "DomainResource.remove",
            "UserResource.classOfService"); // a profile may carry more quota than the domain's (ADR 0016)

    /** Methods that do not refuse out of scope but narrow their answer or act under another rule; tested below. */
    private static final Set<String> NOT_REFUSED = Set.of(
            "DomainResource.list", // filtered to the caller's domains
            "PublicFolderResource.permit", "PublicFolderResource.unpermit"); // the folder owner rule, ADR 0006

    /** Service calls that only read, allowed before a refusal. */
    private static final Set<String> LOOKUPS = Set.of("accountDetails", "domainsOf");

    private final List<String> calls = new ArrayList<>();

    @Test
    void theScopedClassesAreTheOnesDecided() throws Exception {
        Set<String> scoped = new TreeSet<>();
        for (Class<?> c : resourceClasses()) {
            if (c.isAnnotationPresent(DomainScoped.class)) {
                scoped.add(c.getSimpleName());
            }
        }
        assertEquals(new TreeSet<>(SCOPED), scoped);
    }

    @Test
    void everyMethodOfAScopedClassRefusesAnotherDomain() throws Exception {
        int checked = 0;
        for (Class<?> c : resourceClasses()) {
            if (!c.isAnnotationPresent(DomainScoped.class)) {
                continue;
            }
            for (Method m : resourceMethods(c)) {
                String name = c.getSimpleName() + "." + m.getName();
                if (NOT_REFUSED.contains(name)) {
                    continue;
                }
                calls.clear();
                Throwable t = call(c, m, TestRequests.user("boss@d1.test", "d1.test"), "d2.test");
                if (!(t instanceof StoreException e && e.code() == StoreException.Code.FORBIDDEN)) {
                    fail(name + " does not refuse an administrator of another domain: " + t);
                }
                for (String call : calls) {
                    assertTrue(LOOKUPS.contains(call.substring(0, call.indexOf('['))),
                            name + " called " + call + " before refusing");
                }
                checked++;
            }
        }
        assertTrue(checked > 30, "walked " + checked + " methods");
    }

    @Test
    void theSameCallsInTheOwnDomainAreNotRefused() throws Exception {
        for (Class<?> c : resourceClasses()) {
            if (!c.isAnnotationPresent(DomainScoped.class)) {
                continue;
            }
            for (Method m : resourceMethods(c)) {
                String name = c.getSimpleName() + "." + m.getName();
                Throwable t = call(c, m, TestRequests.user("boss@d1.test", "d1.test"), "d1.test");
                boolean refused = t instanceof StoreException e && e.code() == StoreException.Code.FORBIDDEN;
                assertEquals(GLOBAL_ONLY.contains(name), refused, name + ": " + t);
            }
        }
    }

    @Test
    void aGlobalAdministratorIsNeverRefused() throws Exception {
        for (Class<?> c : resourceClasses()) {
            if (!c.isAnnotationPresent(DomainScoped.class)) {
                continue;
            }
            for (Method m : resourceMethods(c)) {
                Throwable t = call(c, m, TestRequests.globalAdmin(), "d2.test");
                boolean refused = t instanceof StoreException e && e.code() == StoreException.Code.FORBIDDEN;
                assertTrue(!refused, c.getSimpleName() + "." + m.getName() + ": " + t);
            }
        }
    }

    @Test
    void aPlainUserActsOnFolderPermissionsAsAnOwnerAndADomainAdministratorOnlyOutsideItsTree() throws Exception {
        for (String method : List.of("permit", "unpermit")) {
            Method m = Arrays.stream(PublicFolderResource.class.getMethods()).filter(x -> x.getName().equals(method))
                    .findFirst().orElseThrow();
            calls.clear();
            call(PublicFolderResource.class, m, TestRequests.user("boss@d1.test", "d1.test"), "d2.test");
            assertTrue(calls.get(0).contains("boss@d1.test"), calls.toString()); // acts as an owner
            calls.clear();
            call(PublicFolderResource.class, m, TestRequests.user("boss@d1.test", "d1.test"), "d1.test");
            assertTrue(calls.get(0).endsWith(", null]"), calls.toString()); // acts as the tree's administrator
            calls.clear();
            call(PublicFolderResource.class, m, TestRequests.user("boss@d1.test", "d1.test"),
                    PublicFolderService.ORGANISATION);
            assertTrue(calls.get(0).contains("boss@d1.test"), calls.toString());
        }
    }

    /** Calls {@code m} on a fresh instance with every name of {@code domain}; answers what it threw, or null. */
    private Throwable call(Class<?> c, Method m, HttpServletRequest request, String domain) throws Exception {
        Object resource = c.getDeclaredConstructor().newInstance();
        for (Field f : c.getDeclaredFields()) {
            if (f.getType() == HttpServletRequest.class) {
                f.setAccessible(true);
                f.set(resource, request);
            } else if (f.isAnnotationPresent(Inject.class) && f.getType().isInterface()) {
                f.setAccessible(true);
                f.set(resource, service(f.getType()));
            }
        }
        Object[] args = new Object[m.getParameterCount()];
        Parameter[] params = m.getParameters();
        for (int i = 0; i < params.length; i++) {
            args[i] = value(params[i].getType(), name(params[i]), domain);
        }
        try {
            m.invoke(resource, args);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
    }

    /** A test value: domain-like names get the domain, anything else an address in it; bodies are built alike. */
    private static Object value(Class<?> type, String name, String domain) throws Exception {
        if (type == String.class) {
            return Set.of("name", "domain", "tree").contains(name) ? domain : "x@" + domain;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == List.class) {
            return List.of("x@" + domain);
        }
        if (type.isRecord()) {
            RecordComponent[] rc = type.getRecordComponents();
            Object[] values = new Object[rc.length];
            Class<?>[] types = new Class<?>[rc.length];
            for (int i = 0; i < rc.length; i++) {
                types[i] = rc[i].getType();
                // In a domain's body "alias" is another domain name; elsewhere an address.
                String n = rc[i].getName().equals("alias") && type.getEnclosingClass() == DomainResource.class ? "name"
                        : rc[i].getName();
                values[i] = types[i] == String.class || types[i] == List.class ? value(types[i], n, domain) : null;
            }
            return type.getDeclaredConstructor(types).newInstance(values);
        }
        if (type.isPrimitive()) {
            fail("no test value for " + type);
        }
        return null;
    }

    private static String name(Parameter p) {
        PathParam path = p.getAnnotation(PathParam.class);
        QueryParam query = p.getAnnotation(QueryParam.class);
        return path != null ? path.value() : query != null ? query.value() : "body";
    }

    private Object service(Class<?> type) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("equals") ? proxy == args[0]
                        : method.getName().equals("hashCode") ? 0 : type.getSimpleName();
            }
            calls.add(method.getName() + Arrays.toString(args));
            Class<?> r = method.getReturnType();
            return r == Optional.class ? Optional.empty() : r == List.class ? List.of() : r == boolean.class ? false
                    : r == int.class ? 0 : r == long.class ? 0L : null;
        });
    }

    private static List<Method> resourceMethods(Class<?> c) {
        List<Method> out = new ArrayList<>();
        for (Method m : c.getDeclaredMethods()) {
            boolean http = false;
            for (Annotation a : m.getAnnotations()) {
                http |= a.annotationType().isAnnotationPresent(HttpMethod.class);
            }
            if (!http && m.isAnnotationPresent(Path.class)) {
                fail(c.getSimpleName() + "." + m.getName() + ": a sub-resource locator escapes this walk");
            }
            if (http) {
                out.add(m);
            }
        }
        return out;
    }

    /** The root resource classes of the API, found in the compiled package. */
    static List<Class<?>> resourceClasses() throws Exception {
        File dir = new File(AdminApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        File pkg = new File(dir, AdminApi.class.getPackageName().replace('.', '/'));
        String[] names = pkg.list((d, n) -> n.endsWith(".class") && !n.contains("$"));
        assertNotNull(names, "no classes in " + pkg);
        List<Class<?>> out = new ArrayList<>();
        for (String n : names) {
            Class<?> c = Class.forName(AdminApi.class.getPackageName() + "." + n.substring(0, n.length() - 6));
            if (c.isAnnotationPresent(Path.class)) {
                out.add(c);
            }
        }
        assertTrue(out.size() > 10, "found " + out);
        return out;
    }
}
