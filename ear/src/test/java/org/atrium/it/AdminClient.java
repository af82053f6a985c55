package org.atrium.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/** Calls the admin REST API as the demo administrator; used by tests to create their own users. */
public final class AdminClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final AtomicInteger SEQ = new AtomicInteger();

    private AdminClient() {
    }

    public record Reply(int status, String body) {
    }

    public static Reply call(String method, String path, String json, String user, String password) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ItEnv.api() + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException("admin API unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Reply asAdmin(String method, String path, String json) {
        return call(method, path, json, ItEnv.admin(), ItEnv.demoPassword());
    }

    /** Creates a fresh user {@code <prefix><n>@atrium.test} with the given password and returns its address. */
    public static String newUser(String prefix, String password) {
        String address = prefix + System.currentTimeMillis() % 100000 + "x" + SEQ.incrementAndGet() + "@" + ItEnv.DOMAIN;
        Reply r = asAdmin("POST", "/users", "{\"address\":\"" + address + "\",\"password\":\"" + password + "\"}");
        if (r.status() != 201) {
            throw new IllegalStateException("cannot create user " + address + ": " + r);
        }
        return address;
    }

    /** A token of letters and digits, new on every call (and across runs): for names the server keeps. */
    public static String unique(String prefix) {
        return prefix + Long.toString(System.currentTimeMillis() % 100_000_000L, 36) + "x" + SEQ.incrementAndGet();
    }

    /**
     * Creates a distribution group {@code <prefix><n>@atrium.test} with these member addresses (POST /groups) and
     * returns its address.
     */
    public static String newGroup(String prefix, java.util.List<String> members) {
        String address = unique(prefix) + "@" + ItEnv.DOMAIN;
        StringBuilder m = new StringBuilder();
        for (String member : members) {
            m.append(m.isEmpty() ? "" : ",").append(json(member));
        }
        Reply r = asAdmin("POST", "/groups", "{\"address\":" + json(address) + ",\"displayName\":" + json(address)
                + ",\"members\":[" + m + "],\"membersOnly\":false}");
        if (r.status() != 201) {
            throw new IllegalStateException("cannot create group " + address + ": " + r);
        }
        return address;
    }

    /** A JSON string literal (RFC 8259 §7). */
    public static String json(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** A query parameter value, percent-encoded (RFC 3986 §2.1; spaces as %20). */
    public static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
