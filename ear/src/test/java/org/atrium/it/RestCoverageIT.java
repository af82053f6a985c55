package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation the server describes in {@code GET /api/v1/openapi.yaml} (issue #6), so that an endpoint added
 * later is covered as soon as it is described (OpenApiCompletenessTest makes sure it is): anonymous callers get 401,
 * a signed-in user who is not an administrator 403 (exceptions in {@link #USER_MAY_CALL}, each with its reason),
 * unknown names in the path 404 or 400 and never a change or a server error, and a request body that is not JSON
 * 400 with an {@code Error} body. Refusals of domain administrators outside their domain are DomainAdminIT's.
 */
class RestCoverageIT {

    /** Answered to anyone, signed in or not. */
    static final Set<String> OPEN = Set.of("GET /health", "GET /openapi.yaml");

    /**
     * Operations a signed-in non-administrator gets past the authentication filter, and why; what they answer is
     * checked in {@link #theExceptionsAnswerWhatTheServiceDecides}.
     */
    static final Map<String, String> USER_MAY_CALL = Map.of(
            "PUT /public-folders/permissions", "a folder's owners (the a right) change its permissions themselves; "
                    + "the service checks that right (ADR 0006) and answers 403, or 404 for an unknown folder",
            "DELETE /public-folders/permissions", "as PUT: a folder's owners remove permissions themselves");

    /** The grant resources a user may call for their own address (self-service delegation, ADR 0006). */
    static final Set<String> OWN_GRANTS = Set.of("GET /users/{address}/grants",
            "GET /users/{address}/grants/received", "GET /users/{address}/grants/{grantee}",
            "PUT /users/{address}/grants/{grantee}", "DELETE /users/{address}/grants/{grantee}");

    /** One operation of the description. */
    record Operation(String method, String template, boolean body, Set<String> requiredQuery) {
        String key() {
            return method + " " + template;
        }

        boolean hasTarget() {
            return template.contains("{") || !requiredQuery.isEmpty();
        }

        /** The request path with every path and required query parameter filled by {@code value}. */
        String path(java.util.function.BiFunction<String, String, String> value) {
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(value.apply(template, m.group(1))));
            }
            m.appendTail(sb);
            String sep = "?";
            for (String q : requiredQuery) {
                sb.append(sep).append(q).append('=').append(AdminClient.enc(value.apply(template, q)));
                sep = "&";
            }
            return sb.toString();
        }
    }

    private static final String TOKEN = AdminClient.unique("rc");
    private static String user;
    private static String password;
    private static List<Operation> operations;

    @BeforeAll
    static void setUp() {
        AdminClient.Reply yaml = AdminClient.call("GET", "/openapi.yaml", null, null, null);
        assertEquals(200, yaml.status(), yaml.toString());
        operations = parse(yaml.body());
        Set<String> keys = new LinkedHashSet<>();
        operations.forEach(o -> keys.add(o.key()));
        // The reader understood the description: a few operations every version has, and no duplicates.
        assertEquals(operations.size(), keys.size(), keys.toString());
        assertTrue(operations.size() >= 50, keys.toString());
        for (String known : List.of("GET /users", "POST /users", "GET /users/{address}", "DELETE /queue/{id}",
                "PUT /public-folders/permissions", "GET /tracking", "GET /health")) {
            assertTrue(keys.contains(known), known + " not read from " + keys);
        }
        for (String exception : USER_MAY_CALL.keySet()) {
            assertTrue(keys.contains(exception), "exception " + exception + " is no operation any more");
        }
        for (String own : OWN_GRANTS) {
            assertTrue(keys.contains(own), "own grant operation " + own + " is no operation any more");
        }
        password = "Pw-" + java.util.UUID.randomUUID();
        user = AdminClient.newUser("restcov", password);
    }

    /**
     * The operations under {@code paths:} of an OpenAPI document as this project writes it (two spaces per level):
     * a path at level 1, its methods at level 2; {@code requestBody} inside a method; required query parameters
     * inline ({@code {name: x, in: query, required: true ...}}) or as the shared {@code path} parameter.
     */
    static List<Operation> parse(String yaml) {
        List<Operation> ops = new ArrayList<>();
        Pattern pathLine = Pattern.compile("^  (/\\S*):\\s*$");
        Pattern methodLine = Pattern.compile("^    (get|put|post|delete|patch):\\s*$");
        Pattern inlineQuery = Pattern.compile("name: *([A-Za-z]+), *in: *query, *required: *true");
        boolean inPaths = false;
        String template = null;
        Set<String> pathQuery = new LinkedHashSet<>();
        String method = null;
        boolean body = false;
        Set<String> opQuery = new LinkedHashSet<>();
        List<String> lines = new ArrayList<>(yaml.lines().toList());
        lines.add("end:");
        for (String line : lines) {
            if (!line.startsWith(" ") && !line.isBlank() && !line.startsWith("#")) {
                if (method != null) {
                    ops.add(operation(method, template, body, pathQuery, opQuery));
                    method = null;
                }
                inPaths = line.startsWith("paths:");
                continue;
            }
            if (!inPaths) {
                continue;
            }
            Matcher p = pathLine.matcher(line);
            Matcher m = methodLine.matcher(line);
            if (p.matches() || m.matches()) {
                if (method != null) {
                    ops.add(operation(method, template, body, pathQuery, opQuery));
                    method = null;
                }
                if (p.matches()) {
                    template = p.group(1);
                    pathQuery = new LinkedHashSet<>();
                } else {
                    method = m.group(1).toUpperCase(java.util.Locale.ROOT);
                    body = false;
                    opQuery = new LinkedHashSet<>();
                }
                continue;
            }
            Set<String> query = method == null ? pathQuery : opQuery;
            if (method != null && line.startsWith("      requestBody:")) {
                body = true;
            }
            if (line.contains("#/components/parameters/path\"")) {
                query.add("path");
            }
            Matcher q = inlineQuery.matcher(line);
            if (q.find()) {
                query.add(q.group(1));
            }
        }
        return ops;
    }

    private static Operation operation(String method, String template, boolean body, Set<String> pathQuery,
            Set<String> opQuery) {
        Set<String> q = new LinkedHashSet<>(pathQuery);
        q.addAll(opQuery);
        return new Operation(method, template, body, q);
    }

    /** A value for a parameter that looks right and names nothing that exists. */
    static String unknown(String template, String name) {
        return switch (name) {
            case "name" -> "unknown-" + TOKEN + ".example";
            case "alias" -> template.startsWith("/domains") ? "unknown-alias-" + TOKEN + ".example"
                    : "nobody-alias-" + TOKEN + "@" + ItEnv.DOMAIN;
            case "address", "grantee", "member", "identifier" -> "nobody-" + TOKEN + "@" + ItEnv.DOMAIN;
            case "id" -> "UNKNOWN" + TOKEN.toUpperCase(java.util.Locale.ROOT);
            case "path" -> "Unknown-" + TOKEN + "/Nothing";
            default -> "unknown-" + TOKEN;
        };
    }

    private static AdminClient.Reply call(Operation op, String path, String body, String who, String pw) {
        return AdminClient.call(op.method(), path, op.body() ? body : null, who, pw);
    }

    private static void assertError(AdminClient.Reply r, String what) {
        Map<String, Object> e = Json.object(r.body());
        assertTrue(e.get("code") instanceof String && e.get("message") instanceof String, what + ": " + r);
    }

    @Test
    void anonymousCallersAreRefusedEverywhereButTheOpenOperations() {
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations) {
            AdminClient.Reply r = call(op, op.path(RestCoverageIT::unknown), "{}", null, null);
            if (OPEN.contains(op.key())) {
                if (r.status() != 200 && r.status() != 503) {
                    wrong.add(op.key() + " -> " + r.status());
                }
            } else if (r.status() != 401 || !r.body().contains("\"code\":\"UNAUTHORIZED\"")) {
                wrong.add(op.key() + " -> " + r.status() + " " + r.body());
            }
        }
        assertEquals(List.of(), wrong, "operations that do not answer an anonymous caller 401");
    }

    @Test
    void usersWhoAreNoAdministratorsAreRefused() {
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations) {
            if (OPEN.contains(op.key()) || USER_MAY_CALL.containsKey(op.key())) {
                continue;
            }
            AdminClient.Reply r = call(op, op.path(RestCoverageIT::unknown), "{}", user, password);
            if (r.status() != 403 || !r.body().contains("\"code\":\"FORBIDDEN\"")) {
                wrong.add(op.key() + " -> " + r.status() + " " + r.body());
            }
        }
        assertEquals(List.of(), wrong, "operations that do not answer a non-administrator 403");
    }

    @Test
    void theExceptionsAnswerWhatTheServiceDecides() {
        for (String key : USER_MAY_CALL.keySet()) {
            Operation op = operations.stream().filter(o -> o.key().equals(key)).findFirst().orElseThrow();
            String body = "{\"identifier\":\"anyone\",\"role\":\"Reviewer\"}";
            AdminClient.Reply r = call(op, op.path(RestCoverageIT::unknown), body, user, password);
            assertTrue(r.status() == 403 || r.status() == 404, key + " (" + USER_MAY_CALL.get(key) + "): " + r);
            assertError(r, key);
        }
        // A user's own grants: open to them (self-service delegation), and only their own.
        java.util.function.BiFunction<String, String, String> self = (t, n) -> n.equals("address") ? user
                : unknown(t, n);
        for (Operation op : operations) {
            if (!OWN_GRANTS.contains(op.key()) || !op.method().equals("GET")) {
                continue;
            }
            AdminClient.Reply r = call(op, op.path(self), null, user, password);
            int expected = op.template().endsWith("{grantee}") ? 404 : 200; // no grant to an unknown grantee
            assertEquals(expected, r.status(), op.key() + " as " + user + ": " + r);
        }
    }

    @Test
    void unknownNamesAreNotFoundOrInvalidNeverAChange() {
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations) {
            if (!op.hasTarget()) {
                continue;
            }
            AdminClient.Reply r = AdminClient.asAdmin(op.method(), op.path(RestCoverageIT::unknown),
                    op.body() ? "{}" : null);
            boolean ok = op.method().equals("GET") ? r.status() == 404 : r.status() == 404 || r.status() == 400;
            if (!ok || !r.body().contains("\"code\":") || !r.body().contains("\"message\":")) {
                wrong.add(op.key() + " -> " + r.status() + " " + r.body());
            }
        }
        assertEquals(List.of(), wrong, "operations on unknown names that did not answer 404 (or 400) with an Error");
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWithAnError() {
        List<String> wrong = new ArrayList<>();
        int bodies = 0;
        for (Operation op : operations) {
            if (!op.body()) {
                continue;
            }
            bodies++;
            AdminClient.Reply r = AdminClient.asAdmin(op.method(), op.path(RestCoverageIT::unknown), "{");
            if (r.status() != 400 || !r.body().contains("\"code\":\"INVALID\"") || !r.body().contains("\"message\":")) {
                wrong.add(op.key() + " -> " + r.status() + " " + r.body());
            }
        }
        assertTrue(bodies >= 15, "operations with a request body: " + bodies);
        assertEquals(List.of(), wrong, "operations that did not refuse a malformed body with 400 and an Error");
    }
}
