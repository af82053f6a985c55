package org.atrium.connector.mime;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;

/**
 * JSON form of {@link ParsedMessage} for the database column. Format version 1 ({@code "v":1}); keys are short and
 * stable: change them only with a new version and a reader for the old one. Nulls, empty lists and defaults
 * ({@code 7bit}, not malformed) are omitted. Parameters are {@code [name, value]} pairs to keep order; offsets are
 * {@code "o":[headerStart, bodyStart, bodyEnd]} (the body size is derived).
 */
final class ParsedMessageJson {
    static final int VERSION = 1;
    /** Looked up once: {@code Json.createXxx} would search the service loader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private ParsedMessageJson() {
    }

    static String write(ParsedMessage m) {
        JsonObjectBuilder o = JSON.createObjectBuilder().add("v", VERSION).add("s", m.size()).add("l", m.lineCount());
        if (m.malformed()) {
            o.add("m", true);
        }
        JsonObject h = headers(m.headers());
        if (!h.isEmpty()) {
            o.add("h", h);
        }
        o.add("b", part(m.body()));
        StringWriter w = new StringWriter();
        try (JsonWriter jw = JSON.createWriterFactory(Map.of()).createWriter(w)) {
            jw.writeObject(o.build());
        }
        return w.toString();
    }

    private static JsonObject headers(MessageHeaders h) {
        JsonObjectBuilder o = JSON.createObjectBuilder();
        str(o, "dt", h.date());
        if (h.dateTime() != null) {
            o.add("di", h.dateTime().toEpochMilli());
        }
        str(o, "su", h.subject());
        addr(o, "fr", h.from());
        addr(o, "se", h.sender());
        addr(o, "rt", h.replyTo());
        addr(o, "to", h.to());
        addr(o, "cc", h.cc());
        addr(o, "bc", h.bcc());
        str(o, "ir", h.inReplyTo());
        str(o, "mi", h.messageId());
        if (!h.references().isEmpty()) {
            JsonArrayBuilder a = JSON.createArrayBuilder();
            h.references().forEach(a::add);
            o.add("re", a);
        }
        return o.build();
    }

    private static void addr(JsonObjectBuilder o, String key, AddressHeader h) {
        if (h == null) {
            return;
        }
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (MimeAddress a : h.addresses()) {
            JsonObjectBuilder ao = JSON.createObjectBuilder();
            switch (a.kind()) {
                case GROUP_START -> ao.add("k", "g");
                case GROUP_END -> ao.add("k", "e");
                case INVALID -> ao.add("k", "x");
                default -> {
                }
            }
            str(ao, "n", a.name());
            str(ao, "l", a.localPart());
            str(ao, "d", a.domain());
            list.add(ao);
        }
        o.add(key, JSON.createObjectBuilder().add("r", h.raw()).add("a", list));
    }

    private static JsonObject part(MimePart p) {
        JsonObjectBuilder o = JSON.createObjectBuilder().add("t", p.type()).add("st", p.subtype());
        params(o, "p", p.params());
        str(o, "id", p.id());
        str(o, "ds", p.description());
        if (!"7bit".equals(p.encoding())) {
            o.add("e", p.encoding());
        }
        if (p.bodyLines() != 0) {
            o.add("ln", p.bodyLines());
        }
        str(o, "md5", p.md5());
        str(o, "di", p.disposition());
        params(o, "dp", p.dispositionParams());
        if (!p.language().isEmpty()) {
            JsonArrayBuilder a = JSON.createArrayBuilder();
            p.language().forEach(a::add);
            o.add("la", a);
        }
        str(o, "lo", p.location());
        if (!p.children().isEmpty()) {
            JsonArrayBuilder a = JSON.createArrayBuilder();
            p.children().forEach(c -> a.add(part(c)));
            o.add("c", a);
        }
        if (p.message() != null) {
            o.add("mh", headers(p.message()));
        }
        if (p.messageBody() != null) {
            o.add("mb", part(p.messageBody()));
        }
        o.add("o", JSON.createArrayBuilder().add(p.headerStart()).add(p.bodyStart()).add(p.bodyEnd()));
        return o.build();
    }

    private static void params(JsonObjectBuilder o, String key, List<MimeParam> params) {
        if (params.isEmpty()) {
            return;
        }
        JsonArrayBuilder a = JSON.createArrayBuilder();
        for (MimeParam p : params) {
            a.add(JSON.createArrayBuilder().add(p.name()).add(p.value()));
        }
        o.add(key, a);
    }

    private static void str(JsonObjectBuilder o, String key, String value) {
        if (value != null) {
            o.add(key, value);
        }
    }

    static ParsedMessage read(String json) {
        try (JsonReader r = JSON.createReader(new StringReader(json))) {
            JsonObject o = r.readObject();
            int v = o.getInt("v");
            if (v != VERSION) {
                throw new IllegalArgumentException("unsupported parsed-message format version " + v);
            }
            JsonObject h = o.getJsonObject("h");
            return new ParsedMessage(o.getJsonNumber("s").longValue(), o.getJsonNumber("l").longValue(),
                    o.getBoolean("m", false), h == null ? MessageHeaders.EMPTY : readHeaders(h),
                    readPart(o.getJsonObject("b")));
        } catch (JsonException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a parsed-message JSON document", e);
        }
    }

    private static MessageHeaders readHeaders(JsonObject o) {
        JsonNumber di = o.getJsonNumber("di");
        return new MessageHeaders(o.getString("dt", null),
                di == null ? null : Instant.ofEpochMilli(di.longValue()), o.getString("su", null),
                readAddr(o, "fr"), readAddr(o, "se"), readAddr(o, "rt"), readAddr(o, "to"), readAddr(o, "cc"),
                readAddr(o, "bc"), o.getString("ir", null), o.getString("mi", null), strings(o.getJsonArray("re")));
    }

    private static AddressHeader readAddr(JsonObject o, String key) {
        JsonObject h = o.getJsonObject(key);
        if (h == null) {
            return null;
        }
        List<MimeAddress> list = new ArrayList<>();
        for (JsonValue v : h.getJsonArray("a")) {
            JsonObject a = v.asJsonObject();
            MimeAddress.Kind kind = switch (a.getString("k", "")) {
                case "g" -> MimeAddress.Kind.GROUP_START;
                case "e" -> MimeAddress.Kind.GROUP_END;
                case "x" -> MimeAddress.Kind.INVALID;
                default -> MimeAddress.Kind.MAILBOX;
            };
            list.add(new MimeAddress(kind, a.getString("n", null), a.getString("l", null), a.getString("d", null)));
        }
        return new AddressHeader(h.getString("r"), list);
    }

    private static MimePart readPart(JsonObject o) {
        JsonArray off = o.getJsonArray("o");
        long headerStart = off.getJsonNumber(0).longValue();
        long bodyStart = off.getJsonNumber(1).longValue();
        long bodyEnd = off.getJsonNumber(2).longValue();
        List<MimePart> children = new ArrayList<>();
        JsonArray c = o.getJsonArray("c");
        if (c != null) {
            for (JsonValue v : c) {
                children.add(readPart(v.asJsonObject()));
            }
        }
        JsonObject mh = o.getJsonObject("mh");
        JsonObject mb = o.getJsonObject("mb");
        JsonNumber ln = o.getJsonNumber("ln");
        return new MimePart(o.getString("t"), o.getString("st"), readParams(o.getJsonArray("p")),
                o.getString("id", null), o.getString("ds", null), o.getString("e", "7bit"), bodyEnd - bodyStart,
                ln == null ? 0 : ln.longValue(), o.getString("md5", null), o.getString("di", null),
                readParams(o.getJsonArray("dp")), strings(o.getJsonArray("la")), o.getString("lo", null), children,
                mh == null ? null : readHeaders(mh), mb == null ? null : readPart(mb), headerStart, bodyStart,
                bodyEnd);
    }

    private static List<MimeParam> readParams(JsonArray a) {
        List<MimeParam> out = new ArrayList<>();
        if (a != null) {
            for (JsonValue v : a) {
                JsonArray pair = v.asJsonArray();
                out.add(new MimeParam(pair.getString(0), pair.getString(1)));
            }
        }
        return out;
    }

    private static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        if (a != null) {
            for (JsonValue v : a) {
                out.add(((JsonString) v).getString());
            }
        }
        return out;
    }
}
