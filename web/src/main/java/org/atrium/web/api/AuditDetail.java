package org.atrium.web.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The short description of a change kept in the audit log: the JSON body's fields (RFC 8259) with every secret
 * replaced by {@code ***}, and the error code of a refusal. A secret is a member whose name contains
 * {@code password} or {@code secret} (case ignored), at any depth; its value never reaches the log in any form, not
 * even its length. A body that is not a JSON object or array, or that was larger than what the audit filter keeps,
 * is not shown at all, since nothing in it can be told apart from a secret.
 */
final class AuditDetail {

    static final String MASK = "***";

    private AuditDetail() {
    }

    /** Whether a JSON member or query parameter of this name holds a secret. */
    static boolean secret(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return n.contains("password") || n.contains("secret");
    }

    /**
     * @param body the first bytes of the request entity, or null when there was none
     * @param truncated whether the entity was longer than {@code body}
     * @param error the error answered, or null
     */
    static String describe(byte[] body, boolean truncated, ApiError error) {
        StringBuilder sb = new StringBuilder();
        if (truncated) {
            sb.append("body of more than ").append(body == null ? 0 : body.length).append(" bytes not shown");
        } else if (body != null && body.length > 0) {
            sb.append(redactedBody(body));
        }
        if (error != null) {
            sb.append(sb.isEmpty() ? "" : " ").append("error=").append(error.code());
            if (error.field() != null) {
                sb.append(" field=").append(error.field());
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    /** The body as compact JSON with secrets masked, or a note saying why it is not shown. */
    static String redactedBody(byte[] body) {
        JsonValue v;
        try (JsonReader r = Json.createReader(new ByteArrayInputStream(body))) {
            v = r.readValue();
        } catch (JsonException | IllegalStateException e) {
            return "body not JSON, not shown";
        }
        if (!(v instanceof JsonObject) && !(v instanceof JsonArray)) {
            return "body a bare JSON " + v.getValueType().name().toLowerCase(Locale.ROOT) + ", not shown";
        }
        StringBuilder sb = new StringBuilder();
        render(v, sb);
        return sb.toString();
    }

    private static void render(JsonValue v, StringBuilder sb) {
        if (v instanceof JsonObject o) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonValue> m : o.entrySet()) {
                sb.append(first ? "" : ",").append(Json.createValue(m.getKey())).append(':');
                first = false;
                if (secret(m.getKey())) {
                    sb.append('"').append(MASK).append('"');
                } else {
                    render(m.getValue(), sb);
                }
            }
            sb.append('}');
        } else if (v instanceof JsonArray a) {
            sb.append('[');
            for (int i = 0; i < a.size(); i++) {
                sb.append(i == 0 ? "" : ",");
                render(a.get(i), sb);
            }
            sb.append(']');
        } else {
            sb.append(v);
        }
    }

    /**
     * A raw query string (RFC 3986 §3.4) with the values of secret parameters replaced by {@code ***}; names are
     * decoded to tell, the rest is kept as sent.
     */
    static String redactedQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return rawQuery;
        }
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String decoded;
            try {
                decoded = URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = name;
            }
            sb.append(first ? "" : "&");
            first = false;
            sb.append(secret(decoded) ? name + "=" + MASK : pair);
        }
        return sb.toString();
    }

    /** {@code s} with control characters (CR, LF, ...) as {@code ?}: a log line stays one line, whatever was sent. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return sb.toString();
    }
}
