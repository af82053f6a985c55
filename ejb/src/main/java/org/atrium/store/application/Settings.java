package org.atrium.store.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;

/**
 * Atrium's settings as the server sees them: system properties {@code atrium.*}, which the checked-in CLI script
 * (ear/src/main/cli/configure.cli) defines from {@code ATRIUM_*} environment variables with defaults, which
 * bin/atrium in turn fills from conf/atrium.properties. Read on each call: cheap, and tests may change them.
 */
@ApplicationScoped
public class Settings {

    public static String get(String key, String fallback) {
        String v = System.getProperty(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    public static int getInt(String key, int fallback) {
        String v = get(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("setting " + key + " is not a number: " + v, e);
        }
    }

    public Path dataDir() {
        return Path.of(get("atrium.data.dir", System.getProperty("jboss.server.data.dir", ".") + "/atrium"));
    }

    public String hostname() {
        return get("atrium.hostname", "localhost");
    }

    public boolean demo() {
        return Boolean.parseBoolean(get("atrium.demo", "false"));
    }

    public String demoPassword() {
        return get("atrium.demo.password", null);
    }

    public String dbSchema() {
        return get("atrium.db.schema", null);
    }

    public String bindAddress() {
        return get("atrium.bind.address", "127.0.0.1");
    }

    public int ldapPort() {
        return getInt("atrium.ldap.port", 10389);
    }

    public boolean ldapAnonymous() {
        return Boolean.parseBoolean(get("atrium.ldap.anonymous", "false"));
    }

}
