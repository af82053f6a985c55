package org.atrium.directory.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A strict reader of the subset of OpenLDAP {@code .schema} syntax (RFC 4512 descriptions) that the Atrium
 * schema uses: {@code attributetype} and {@code objectclass} statements, {@code #} comments, continuation lines
 * starting with white space. Anything else (object identifier macros, unknown keywords, extensions) is
 * rejected so that every generated form can represent the whole source.
 */
public final class SchemaSource {

    /** An attribute type description. {@code length} is the optional syntax length bound, or 0. */
    public record AttributeTypeDef(String oid, List<String> names, String description, String superior,
                                   String equality, String ordering, String substring, String syntax, int length,
                                   boolean singleValue, boolean collective, boolean noUserModification,
                                   String usage, boolean obsolete) {
        public String name() {
            return names.get(0);
        }
    }

    /** An object class description; {@code kind} is STRUCTURAL, AUXILIARY or ABSTRACT. */
    public record ObjectClassDef(String oid, List<String> names, String description, List<String> superiors,
                                 String kind, List<String> must, List<String> may, boolean obsolete) {
        public String name() {
            return names.get(0);
        }
    }

    /** The parsed schema, in source order. */
    public record Schema(List<AttributeTypeDef> attributeTypes, List<ObjectClassDef> objectClasses) {
    }

    private SchemaSource() {
    }

    /** Reads the schema shipped in this jar. */
    public static Schema load() {
        try (InputStream in = SchemaSource.class.getClassLoader().getResourceAsStream(AtriumSchema.SOURCE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + AtriumSchema.SOURCE_RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses schema text; throws IllegalArgumentException with a line number on anything unexpected. */
    public static Schema parse(String text) {
        List<AttributeTypeDef> ats = new ArrayList<>();
        List<ObjectClassDef> ocs = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        StringBuilder current = null;
        String[] rawLines = text.split("\r?\n", -1);
        for (int i = 0; i < rawLines.length; i++) {
            String line = rawLines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0))) {
                if (current == null) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": continuation without statement");
                }
                current.append(' ').append(line.strip());
            } else {
                current = new StringBuilder(line.strip());
                statements.add(null);
                lines.add(i + 1);
            }
            statements.set(statements.size() - 1, current.toString());
        }
        for (int s = 0; s < statements.size(); s++) {
            String statement = statements.get(s);
            int line = lines.get(s);
            int space = statement.indexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException("line " + line + ": incomplete statement");
            }
            String keyword = statement.substring(0, space).toLowerCase(Locale.ROOT);
            List<String> tokens = tokenize(statement.substring(space + 1), line);
            switch (keyword) {
                case "attributetype" -> ats.add(parseAttributeType(tokens, line));
                case "objectclass" -> ocs.add(parseObjectClass(tokens, line));
                default -> throw new IllegalArgumentException("line " + line + ": unsupported statement " + keyword);
            }
        }
        return new Schema(List.copyOf(ats), List.copyOf(ocs));
    }

    /** Splits a description into tokens: "(", ")", "$", quoted strings (kept with their quotes), words. */
    static List<String> tokenize(String description, int line) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < description.length()) {
            char c = description.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == '$') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '\'') {
                int end = description.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("line " + line + ": unterminated quoted string");
                }
                tokens.add(description.substring(i, end + 1));
                i = end + 1;
            } else {
                int end = i;
                while (end < description.length() && !Character.isWhitespace(description.charAt(end))
                        && "()$'".indexOf(description.charAt(end)) < 0) {
                    end++;
                }
                tokens.add(description.substring(i, end));
                i = end;
            }
        }
        if (tokens.size() < 3 || !tokens.get(0).equals("(") || !tokens.get(tokens.size() - 1).equals(")")) {
            throw new IllegalArgumentException("line " + line + ": description must be enclosed in ( )");
        }
        return tokens.subList(1, tokens.size() - 1);
    }

    private static final class Cursor {
        final List<String> tokens;
        final int line;
        int pos;

        Cursor(List<String> tokens, int line) {
            this.tokens = tokens;
            this.line = line;
        }

        boolean more() {
            return pos < tokens.size();
        }

        String next() {
            if (!more()) {
                throw fail("unexpected end of description");
            }
            return tokens.get(pos++);
        }

        IllegalArgumentException fail(String message) {
            return new IllegalArgumentException("line " + line + ": " + message);
        }

        String numericOid() {
            String oid = next();
            if (!oid.matches("[0-2](\\.(0|[1-9][0-9]*))+")) {
                throw fail("not a numeric OID: " + oid);
            }
            return oid;
        }

        String keystring() {
            String word = next();
            if (!word.matches("[A-Za-z][A-Za-z0-9-]*")) {
                throw fail("not a descriptor: " + word);
            }
            return word;
        }

        String quoted() {
            String q = next();
            if (q.length() < 2 || q.charAt(0) != '\'') {
                throw fail("expected a quoted string, got " + q);
            }
            return q.substring(1, q.length() - 1);
        }

        /** qdescrs: 'a' or ( 'a' 'b' ) */
        List<String> qdescrs() {
            List<String> names = new ArrayList<>();
            if (tokens.get(pos).equals("(")) {
                pos++;
                while (!tokens.get(pos).equals(")")) {
                    names.add(quoted());
                }
                pos++;
            } else {
                names.add(quoted());
            }
            return names;
        }

        /** oids: a or ( a $ b ) */
        List<String> oids() {
            List<String> oids = new ArrayList<>();
            if (tokens.get(pos).equals("(")) {
                pos++;
                oids.add(keystring());
                while (tokens.get(pos).equals("$")) {
                    pos++;
                    oids.add(keystring());
                }
                if (!next().equals(")")) {
                    throw fail("expected ) after OID list");
                }
            } else {
                oids.add(keystring());
            }
            return oids;
        }
    }

    private static void once(Set<String> seen, String keyword, Cursor c) {
        if (!seen.add(keyword)) {
            throw c.fail("duplicate " + keyword);
        }
    }

    private static AttributeTypeDef parseAttributeType(List<String> tokens, int line) {
        Cursor c = new Cursor(tokens, line);
        String oid = c.numericOid();
        List<String> names = null;
        String desc = null;
        String sup = null;
        String eq = null;
        String ord = null;
        String sub = null;
        String syntax = null;
        int length = 0;
        boolean single = false;
        boolean collective = false;
        boolean noUserMod = false;
        boolean obsolete = false;
        String usage = "userApplications";
        Set<String> seen = new java.util.HashSet<>();
        while (c.more()) {
            String kw = c.next();
            once(seen, kw, c);
            switch (kw) {
                case "NAME" -> names = c.qdescrs();
                case "DESC" -> desc = c.quoted();
                case "OBSOLETE" -> obsolete = true;
                case "SUP" -> sup = c.keystring();
                case "EQUALITY" -> eq = c.keystring();
                case "ORDERING" -> ord = c.keystring();
                case "SUBSTR" -> sub = c.keystring();
                case "SYNTAX" -> {
                    String s = c.next();
                    java.util.regex.Matcher m = java.util.regex.Pattern
                            .compile("([0-2](?:\\.(?:0|[1-9][0-9]*))+)(?:\\{([1-9][0-9]*)\\})?").matcher(s);
                    if (!m.matches()) {
                        throw c.fail("bad SYNTAX " + s);
                    }
                    syntax = m.group(1);
                    length = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                }
                case "SINGLE-VALUE" -> single = true;
                case "COLLECTIVE" -> collective = true;
                case "NO-USER-MODIFICATION" -> noUserMod = true;
                case "USAGE" -> {
                    usage = c.keystring();
                    if (!Set.of("userApplications", "directoryOperation", "distributedOperation", "dSAOperation")
                            .contains(usage)) {
                        throw c.fail("bad USAGE " + usage);
                    }
                }
                default -> throw c.fail("unsupported keyword " + kw);
            }
        }
        if (names == null || names.isEmpty()) {
            throw c.fail("attribute type " + oid + " has no NAME");
        }
        if (syntax == null && sup == null) {
            throw c.fail("attribute type " + oid + " needs SYNTAX or SUP");
        }
        return new AttributeTypeDef(oid, List.copyOf(names), desc, sup, eq, ord, sub, syntax, length, single,
                collective, noUserMod, usage, obsolete);
    }

    private static ObjectClassDef parseObjectClass(List<String> tokens, int line) {
        Cursor c = new Cursor(tokens, line);
        String oid = c.numericOid();
        List<String> names = null;
        String desc = null;
        List<String> sups = List.of();
        String kind = "STRUCTURAL";
        List<String> must = List.of();
        List<String> may = List.of();
        boolean obsolete = false;
        Set<String> seen = new java.util.HashSet<>();
        while (c.more()) {
            String kw = c.next();
            if (Set.of("STRUCTURAL", "AUXILIARY", "ABSTRACT").contains(kw)) {
                once(seen, "kind", c);
                kind = kw;
                continue;
            }
            once(seen, kw, c);
            switch (kw) {
                case "NAME" -> names = c.qdescrs();
                case "DESC" -> desc = c.quoted();
                case "OBSOLETE" -> obsolete = true;
                case "SUP" -> sups = c.oids();
                case "MUST" -> must = c.oids();
                case "MAY" -> may = c.oids();
                default -> throw c.fail("unsupported keyword " + kw);
            }
        }
        if (names == null || names.isEmpty()) {
            throw c.fail("object class " + oid + " has no NAME");
        }
        return new ObjectClassDef(oid, List.copyOf(names), desc, List.copyOf(sups), kind, List.copyOf(must),
                List.copyOf(may), obsolete);
    }
}
