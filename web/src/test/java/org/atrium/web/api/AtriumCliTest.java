package org.atrium.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * bin/atrium (issue #6) against a fake API on a free port: {@code --dry-run} sends only GETs and says what it would
 * do, or that the target does not exist; errors exit non-zero with the API's message; {@code --json} prints the
 * answer as it is; credentials come from the environment or the config file; and the command lines of
 * {@code cli-commands.txt} reach every operation of {@code openapi.yaml}, so the CLI stays a superset of the API.
 * Needs bash, curl and python3, as bin/atrium itself does.
 */
class AtriumCliTest {

    /** What the fake API received. */
    record Request(String method, String path, String query, String body, String authorization) {
    }

    /** A canned answer. */
    record Answer(int status, String body) {
    }

    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Operations no command needs: the API's own description and the load balancers' probe. */
    static final Set<String> NO_COMMAND = Set.of("GET /openapi.yaml", "GET /health");

    private HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath().substring("/api/v1".length());
            requests.add(new Request(exchange.getRequestMethod(), path, uri.getRawQuery(), body,
                    exchange.getRequestHeaders().getFirst("Authorization")));
            Answer a = answers.getOrDefault(exchange.getRequestMethod() + " " + path, new Answer(200, "{}"));
            byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("ATRIUM_CONF", "/dev/null");
        env.put("ATRIUM_SKIP_BUILD", "1");
        env.put("ATRIUM_VAR", tmp.resolve("var").toString());
        env.put("ATRIUM_BIND_ADDRESS", "127.0.0.1");
        env.put("ATRIUM_HTTP_PORT", Integer.toString(server.getAddress().getPort()));
        env.put("ATRIUM_ADMIN_USER", "admin@d.test");
        env.put("ATRIUM_ADMIN_PASSWORD", "Admin-Password-1");
        return env;
    }

    static Path script() {
        Path p = Path.of(System.getProperty("user.dir")).resolve("../bin/atrium").normalize();
        assertTrue(Files.isExecutable(p), p.toString());
        return p;
    }

    private Run atrium(Map<String, String> env, String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(script().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("ATRIUM_"));
        pb.environment().putAll(env);
        Path err = tmp.resolve("stderr");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", cmd));
        return new Run(p.exitValue(), out, Files.readString(err));
    }

    private Run atrium(String... args) throws Exception {
        return atrium(env(), null, args);
    }

    private List<Request> changes() {
        return requests.stream().filter(r -> !r.method().equals("GET")).toList();
    }

    @Test
    void aDryRunSendsOnlyGetsAndSaysWhatItWouldDoWithoutTheSecret() throws Exception {
        Run r = atrium(env(), "Secret-Password-9\n", "user", "add", "u@d.test", "--password-stdin", "--dry-run");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("dry run: would POST /api/v1/users {\"address\":\"u@d.test\",\"password\":\"***\","
                + "\"displayName\":null,\"admin\":false}; nothing changed\n", r.out());
        assertFalse(r.out().contains("Secret") || r.err().contains("Secret"), r.toString());
        assertEquals(List.of(), changes());
    }

    @Test
    void aDryRunChecksTheTargetAndEndsTheCommandEvenFromASubshell() throws Exception {
        // dkim --rotate reads the API's answer through $(...): the dry run must still end the whole command.
        Run r = atrium("domain", "dkim", "d.test", "--rotate", "--dry-run");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("dry run: would POST /api/v1/domains/d.test/dkim/rotate; nothing changed\n", r.out());
        assertEquals(List.of(), changes());
        // Only the domain was read: GET .../dkim would make a key on first use.
        assertEquals(List.of("/domains/d.test"), requests.stream().map(Request::path).toList());

        requests.clear();
        Run quota = atrium("quota", "set", "u@d.test", "100", "--dry-run");
        assertEquals(0, quota.exit(), quota.toString());
        assertFalse(quota.out().contains("quota of u@d.test"), "no success line after a dry run: " + quota);
        assertEquals(List.of(), changes());
    }

    @Test
    void aDryRunOnSomethingThatDoesNotExistSaysSoAndFails() throws Exception {
        answers.put("GET /users/nobody@d.test",
                new Answer(404, "{\"code\":\"NOT_FOUND\",\"message\":\"no account nobody@d.test\"}"));
        // A path without a GET (405, or 404 without an Error body) is skipped for the next shorter one.
        answers.put("GET /users/nobody@d.test/aliases/x@d.test", new Answer(405, ""));
        Run r = atrium("user", "alias", "remove", "nobody@d.test", "x@d.test", "--dry-run");
        assertNotEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("would fail: no account nobody@d.test (HTTP 404); nothing changed"), r.toString());
        assertEquals(List.of(), changes());

        answers.put("GET /public-folders", new Answer(200, "[{\"path\":\"Projects\",\"permissions\":[]}]"));
        Run folder = atrium("folder", "remove", "Elsewhere", "--dry-run");
        assertNotEquals(0, folder.exit(), folder.toString());
        assertTrue(folder.err().contains("no such public folder"), folder.toString());
        Run there = atrium("folder", "address", "projects", "p@d.test", "--dry-run");
        assertEquals(0, there.exit(), there.toString());
        assertTrue(there.out().startsWith("dry run: would PUT /api/v1/public-folders/address?path=projects"),
                there.toString());
        assertEquals(List.of(), changes());

        // The queue's own dry run shows the entry it would delete.
        answers.put("GET /queue/Q1", new Answer(200, "{\"queueId\":\"Q1\",\"state\":\"DEFERRED\",\"sender\":\"a@b.c\","
                + "\"domain\":\"b.c\",\"recipients\":[\"x@b.c\"],\"size\":10,\"attempts\":2}"));
        Run q = atrium("queue", "delete", "Q1", "--dry-run");
        assertEquals(0, q.exit(), q.toString());
        assertTrue(q.out().startsWith("would delete (dry run, nothing changed):") && q.out().contains("DEFERRED"),
                q.toString());
        assertEquals(List.of(), changes());
    }

    @Test
    void errorsExitNonZeroWithTheApisMessageOnStandardError() throws Exception {
        answers.put("POST /domains", new Answer(409, "{\"code\":\"CONFLICT\",\"message\":\"domain d.test already "
                + "exists\",\"field\":\"name\"}"));
        Run r = atrium("domain", "add", "d.test");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("atrium: domain d.test already exists (HTTP 409)\n", r.err());
        assertEquals("", r.out());

        answers.put("GET /users/nobody@d.test", new Answer(404, "{\"code\":\"NOT_FOUND\",\"message\":\"no account "
                + "nobody@d.test\"}"));
        Run show = atrium("user", "show", "nobody@d.test");
        assertEquals(1, show.exit(), show.toString());
        assertEquals("atrium: no account nobody@d.test (HTTP 404)\n", show.err(), "no traceback: " + show);

        server.stop(0);
        Run down = atrium("user", "list");
        assertNotEquals(0, down.exit(), down.toString());
        assertTrue(down.err().contains("cannot reach"), down.toString());
    }

    @Test
    void jsonPrintsTheAnswerAsItIsAndTheTableReadsIt() throws Exception {
        String domains = "[{\"name\":\"d.test\",\"users\":3,\"aliases\":[\"a.test\"]}]";
        answers.put("GET /domains", new Answer(200, domains));
        Run json = atrium("domain", "list", "--json");
        assertEquals(0, json.exit(), json.toString());
        assertEquals(domains + "\n", json.out());
        Run table = atrium("domain", "list");
        assertEquals(0, table.exit(), table.toString());
        assertTrue(Pattern.compile("(?m)^d\\.test +3 a\\.test$").matcher(table.out()).find(), table.toString());
    }

    @Test
    void credentialsComeFromTheEnvironmentOrTheConfigFileNeverTheCommandLine() throws Exception {
        atrium("user", "list", "--json");
        assertEquals("Basic " + Base64.getEncoder().encodeToString("admin@d.test:Admin-Password-1"
                .getBytes(StandardCharsets.UTF_8)), requests.get(0).authorization());

        Map<String, String> fromFile = env();
        fromFile.remove("ATRIUM_ADMIN_USER");
        fromFile.remove("ATRIUM_ADMIN_PASSWORD");
        Path conf = tmp.resolve("cli.conf");
        Files.writeString(conf, "ATRIUM_ADMIN_USER=ops@d.test\nATRIUM_ADMIN_PASSWORD='File \"Pass\\word'\n");
        fromFile.put("ATRIUM_CLI_CONFIG", conf.toString());
        requests.clear();
        assertEquals(0, atrium(fromFile, null, "user", "list", "--json").exit());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("ops@d.test:File \"Pass\\word"
                .getBytes(StandardCharsets.UTF_8)), requests.get(0).authorization());

        fromFile.put("ATRIUM_CLI_CONFIG", tmp.resolve("absent.conf").toString());
        Run none = atrium(fromFile, null, "user", "list");
        assertNotEquals(0, none.exit());
        assertTrue(none.err().contains("no admin credentials"), none.toString());

        // A password is never an argument: the commands that set one read it from standard input only.
        Run arg = atrium("user", "add", "u@d.test", "Some-Password-1");
        assertNotEquals(0, arg.exit());
        assertTrue(arg.err().contains("usage"), arg.toString());
        String help = atrium("help").out();
        assertFalse(help.toLowerCase(Locale.ROOT).contains("--password "), help);
    }

    /** "GET /users/{address}" for every operation described. */
    @SuppressWarnings("unchecked")
    static Set<String> documented() throws IOException {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.YAML)) {
            assertNotNull(in, "openapi.yaml beside OpenApiResource");
            Map<String, Object> paths = (Map<String, Object>) ((Map<String, Object>) new Yaml().load(in)).get("paths");
            Set<String> out = new TreeSet<>();
            paths.forEach((path, item) -> ((Map<String, Object>) item).keySet().stream()
                    .filter(k -> Set.of("get", "put", "post", "delete", "patch").contains(k))
                    .forEach(k -> out.add(k.toUpperCase(Locale.ROOT) + " " + path)));
            return out;
        }
    }

    /** The operation a request reached: of the templates it matches, the one with the most literal characters. */
    static String operation(Set<String> operations, Request r) {
        String best = null;
        int literal = -1;
        for (String op : operations) {
            String[] mp = op.split(" ", 2);
            String regex = Arrays.stream(mp[1].split("(?=\\{)|(?<=})"))
                    .map(part -> part.startsWith("{") ? "[^/]+" : Pattern.quote(part)).reduce("", String::concat);
            if (mp[0].equals(r.method()) && r.path().matches(regex)) {
                int n = mp[1].replaceAll("\\{[^}]*}", "").length();
                if (n > literal) {
                    best = op;
                    literal = n;
                }
            }
        }
        return best;
    }

    @Test
    void theCommandLinesReachEveryOperationOfTheApi() throws Exception {
        Set<String> operations = documented();
        Set<String> reached = new TreeSet<>();
        List<String> failed = new ArrayList<>();
        try (InputStream in = AtriumCliTest.class.getResourceAsStream("cli-commands.txt")) {
            assertNotNull(in, "cli-commands.txt");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String stdin = null;
                int lt = line.indexOf(" < ");
                if (lt >= 0) {
                    stdin = line.substring(lt + 3) + "\n";
                    line = line.substring(0, lt);
                }
                requests.clear();
                Run r = atrium(env(), stdin, line.strip().split(" +"));
                if (r.exit() != 0) {
                    failed.add(line + ": " + r);
                }
                for (Request q : requests) {
                    String op = operation(operations, q);
                    if (op == null) {
                        failed.add(line + ": " + q.method() + " " + q.path() + " is no operation of openapi.yaml");
                    } else {
                        reached.add(op);
                    }
                }
            }
        }
        assertEquals(List.of(), failed);
        Set<String> missing = new TreeSet<>(operations);
        missing.removeAll(reached);
        missing.removeAll(NO_COMMAND);
        assertEquals(Set.of(), missing, "operations no command line of cli-commands.txt reaches: add a command "
                + "to bin/atrium and a line to cli-commands.txt");
    }
}
