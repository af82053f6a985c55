package org.atrium.it;

import java.nio.file.Path;

/** Where the server under test is: failsafe passes these as system properties (ear/pom.xml). */
public final class ItEnv {

    private ItEnv() {
    }

    public static final String HOST = "127.0.0.1";
    public static final String DOMAIN = "atrium.test";

    public static int port(String name) {
        Integer port = Integer.getInteger("atrium.it." + name + ".port");
        if (port == null) {
            throw new IllegalArgumentException("no port for " + name + ": set atrium.it." + name + ".port (ear/pom.xml)");
        }
        return port;
    }

    public static int smtp() {
        return port("smtp");
    }

    public static int pop3() {
        return port("pop3");
    }

    public static int imap() {
        return port("imap");
    }

    /** Implicit-TLS IMAP (RFC 8314). */
    public static int imaps() {
        return port("imaps");
    }

    /** Implicit-TLS POP3 (RFC 8314). */
    public static int pop3s() {
        return port("pop3s");
    }

    /** Submission with STARTTLS (RFC 6409). */
    public static int submission() {
        return port("submission");
    }

    /** Submission over implicit TLS (RFC 8314). */
    public static int submissions() {
        return port("submissions");
    }

    public static int http() {
        return port("http");
    }

    public static int ldap() {
        return port("ldap");
    }

    public static String demoPassword() {
        return System.getProperty("atrium.it.demo.password");
    }

    public static String admin() {
        return "admin@" + DOMAIN;
    }

    public static Path home() {
        return Path.of(System.getProperty("atrium.home")).toAbsolutePath().normalize();
    }

    public static Path var() {
        return Path.of(System.getProperty("atrium.it.var"));
    }

    public static Path dataDir() {
        return var().resolve("data");
    }

    public static String db() {
        return System.getProperty("atrium.it.db", "h2");
    }

    public static String api() {
        return "http://" + HOST + ":" + http() + "/api/v1";
    }
}
