package org.atrium.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs real client programs (python3, swaks, ldapsearch, bin/atrium) and captures what they print. */
public final class Processes {

    private Processes() {
    }

    public record Result(int exit, String output) {
    }

    public static Result run(List<String> command, Map<String, String> env, String stdin, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /**
     * The environment under which bin/atrium addresses the test server: the same variables the test lifecycle used
     * to start it (ear/src/test/scripts/it-server.sh), so a restart reuses the same database and data.
     */
    public static Map<String, String> atriumEnv() throws IOException {
        Map<String, String> env = new HashMap<>();
        // it-server.sh records every ATRIUM_* variable the server started with (ports, database, transport).
        for (String line : Files.readAllLines(ItEnv.var().resolve("server.env"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        env.put("ATRIUM_CONF", "/dev/null");
        env.put("ATRIUM_SKIP_BUILD", "1");
        return env;
    }

    public static String atrium() {
        return ItEnv.home().resolve("bin/atrium").toString();
    }
}
