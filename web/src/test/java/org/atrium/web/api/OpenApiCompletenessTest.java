package org.atrium.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every JAX-RS resource method of the web module (a class with {@code @Path}, its methods with an HTTP method
 * annotation and their own {@code @Path}) is described in {@code openapi.yaml} under the same path and method, so an
 * endpoint added later fails the build until it is documented. The other way round too, except for endpoints
 * described ahead of their code ({@link #AHEAD}). Reads the copy the build filtered, as the application serves it.
 */
class OpenApiCompletenessTest {

    /** Endpoints described ahead of their code (none at present); each entry must name the issue it waits for. */
    static final Set<String> AHEAD = Set.of();

    private static Map<String, Object> doc;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws Exception {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.YAML)) {
            assertNotNull(in, "openapi.yaml beside OpenApiResource");
            doc = new Yaml().load(in);
        }
    }

    /** "GET /queue/{id}" for every resource method, by reflection over the compiled classes of org.atrium.web. */
    static Set<String> implemented() throws Exception {
        // The main classes' own root (not test-classes, which has the same packages).
        java.nio.file.Path base = Paths.get(OpenApiResource.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(base.resolve("org/atrium/web"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = base.relativize(f).toString().replace(java.io.File.separatorChar, '.');
                classes.add(Class.forName(name.substring(0, name.length() - ".class".length()), false,
                        OpenApiCompletenessTest.class.getClassLoader()));
            }
        }
        Set<String> out = new TreeSet<>();
        for (Class<?> c : classes) {
            Path classPath = c.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method m : c.getMethods()) {
                String verb = httpMethod(m);
                if (verb == null) {
                    continue;
                }
                Path methodPath = m.getAnnotation(Path.class);
                out.add(verb + " " + normalise(classPath.value() + "/" + (methodPath == null ? "" : methodPath.value())));
            }
        }
        return out;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) {
                return h.value();
            }
        }
        return null;
    }

    /** One leading slash, none trailing or doubled; {@code {id: [0-9]+}} as {@code {id}}. */
    static String normalise(String path) {
        String p = ("/" + path).replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    @SuppressWarnings("unchecked")
    static Set<String> documented() {
        Set<String> out = new TreeSet<>();
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        for (Map.Entry<String, Object> p : paths.entrySet()) {
            for (String key : ((Map<String, Object>) p.getValue()).keySet()) {
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(key)) {
                    out.add(key.toUpperCase(Locale.ROOT) + " " + normalise(p.getKey()));
                }
            }
        }
        return out;
    }

    @Test
    void everyResourceMethodIsDescribed() throws Exception {
        Set<String> missing = new TreeSet<>(implemented());
        missing.removeAll(documented());
        assertEquals(Set.of(), missing, "endpoints missing from openapi.yaml");
    }

    @Test
    void everyDescribedOperationExistsOrIsExpected() throws Exception {
        Set<String> extra = new TreeSet<>(documented());
        extra.removeAll(implemented());
        extra.removeIf(op -> AHEAD.contains(op.substring(op.indexOf(' ') + 1)));
        assertEquals(Set.of(), extra, "openapi.yaml describes endpoints that do not exist");
    }

    @Test
    void theWalkSeesTheResources() throws Exception {
        Set<String> ops = implemented();
        for (String op : List.of("GET /health", "GET /openapi.yaml", "GET /status", "GET /tracking", "GET /queue",
                "GET /queue/{id}", "POST /queue/{id}/retry", "POST /queue/{id}/bounce", "DELETE /queue/{id}",
                "PUT /users/{address}/grants/{grantee}", "DELETE /public-folders")) {
            assertTrue(ops.contains(op), op + " in " + ops);
        }
    }

    @Test
    void normalisedPaths() {
        assertEquals("/users/{address}/grants", normalise("users/{address}/grants/"));
        assertEquals("/queue/{id}", normalise("queue//{id: [A-Z0-9]+}"));
        assertEquals("/health", normalise("health/"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentIsOpenApi3WithTheBuildVersionAndEveryReferenceResolves() {
        assertTrue(String.valueOf(doc.get("openapi")).startsWith("3."));
        String version = String.valueOf(((Map<String, Object>) doc.get("info")).get("version"));
        assertFalse(version.contains("${"), "filtered by the build: " + version);
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertFalse(refs.isEmpty());
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/"), ref);
            Object node = doc;
            for (String part : ref.substring(2).split("/")) {
                node = node instanceof Map<?, ?> m ? m.get(part) : null;
            }
            assertNotNull(node, "unresolved " + ref);
        }
    }

    private static void collectRefs(Object node, List<String> out) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ("$ref".equals(k)) {
                    out.add(String.valueOf(v));
                } else {
                    collectRefs(v, out);
                }
            });
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectRefs(v, out));
        }
    }
}
