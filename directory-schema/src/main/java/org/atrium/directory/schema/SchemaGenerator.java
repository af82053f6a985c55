package org.atrium.directory.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.atrium.directory.schema.SchemaSource.AttributeTypeDef;
import org.atrium.directory.schema.SchemaSource.ObjectClassDef;
import org.atrium.directory.schema.SchemaSource.Schema;

/**
 * Generates the shipped forms of the Atrium schema from {@code atrium.schema}. The outputs are checked in under
 * {@code src/main/resources}; {@code SchemaFormsTest} fails when they differ from what this class generates and
 * rewrites them when run with {@code -Datrium.schema.regenerate=true}. {@link #main} does the same from the
 * command line: {@code java ... SchemaGenerator <resources dir>}.
 */
public final class SchemaGenerator {

    private static final String HEADER = "# GENERATED from atrium.schema by org.atrium.directory.schema.SchemaGenerator."
            + " Do not edit.\n";

    private SchemaGenerator() {
    }

    /** OpenLDAP cn=config form, to load with {@code ldapadd -Y EXTERNAL -H ldapi:/// -f atrium.ldif}. */
    public static String openLdapLdif(Schema schema) {
        StringBuilder b = new StringBuilder(HEADER);
        b.append("dn: cn=").append(AtriumSchema.SCHEMA_NAME).append(",cn=schema,cn=config\n");
        b.append("objectClass: olcSchemaConfig\n");
        b.append("cn: ").append(AtriumSchema.SCHEMA_NAME).append('\n');
        for (AttributeTypeDef at : schema.attributeTypes()) {
            b.append("olcAttributeTypes: ").append(describe(at)).append('\n');
        }
        for (ObjectClassDef oc : schema.objectClasses()) {
            b.append("olcObjectClasses: ").append(describe(oc)).append('\n');
        }
        return b.toString();
    }

    /** RFC 4512 AttributeTypeDescription on one line. */
    public static String describe(AttributeTypeDef at) {
        StringBuilder b = new StringBuilder("( ").append(at.oid());
        b.append(" NAME ").append(qdescrs(at.names()));
        if (at.description() != null) {
            b.append(" DESC '").append(at.description()).append('\'');
        }
        if (at.obsolete()) {
            b.append(" OBSOLETE");
        }
        if (at.superior() != null) {
            b.append(" SUP ").append(at.superior());
        }
        if (at.equality() != null) {
            b.append(" EQUALITY ").append(at.equality());
        }
        if (at.ordering() != null) {
            b.append(" ORDERING ").append(at.ordering());
        }
        if (at.substring() != null) {
            b.append(" SUBSTR ").append(at.substring());
        }
        if (at.syntax() != null) {
            b.append(" SYNTAX ").append(at.syntax());
            if (at.length() > 0) {
                b.append('{').append(at.length()).append('}');
            }
        }
        if (at.singleValue()) {
            b.append(" SINGLE-VALUE");
        }
        if (at.collective()) {
            b.append(" COLLECTIVE");
        }
        if (at.noUserModification()) {
            b.append(" NO-USER-MODIFICATION");
        }
        if (!at.usage().equals("userApplications")) {
            b.append(" USAGE ").append(at.usage());
        }
        return b.append(" )").toString();
    }

    /** RFC 4512 ObjectClassDescription on one line. */
    public static String describe(ObjectClassDef oc) {
        StringBuilder b = new StringBuilder("( ").append(oc.oid());
        b.append(" NAME ").append(qdescrs(oc.names()));
        if (oc.description() != null) {
            b.append(" DESC '").append(oc.description()).append('\'');
        }
        if (oc.obsolete()) {
            b.append(" OBSOLETE");
        }
        if (!oc.superiors().isEmpty()) {
            b.append(" SUP ").append(oids(oc.superiors()));
        }
        b.append(' ').append(oc.kind());
        if (!oc.must().isEmpty()) {
            b.append(" MUST ").append(oids(oc.must()));
        }
        if (!oc.may().isEmpty()) {
            b.append(" MAY ").append(oids(oc.may()));
        }
        return b.append(" )").toString();
    }

    private static String qdescrs(List<String> names) {
        if (names.size() == 1) {
            return "'" + names.get(0) + "'";
        }
        return "( '" + String.join("' '", names) + "' )";
    }

    private static String oids(List<String> oids) {
        return oids.size() == 1 ? oids.get(0) : "( " + String.join(" $ ", oids) + " )";
    }

    /**
     * ApacheDS meta-schema form: the schema entry, its ou=attributeTypes and ou=objectClasses containers and one
     * m-oid entry per element, as ApacheDS keeps them below ou=schema. The embedded GAL server writes each entry
     * into the schema partition before loading it.
     */
    public static String apacheDsLdif(Schema schema) {
        String schemaDn = "cn=" + AtriumSchema.SCHEMA_NAME + ",ou=schema";
        StringBuilder b = new StringBuilder(HEADER);
        b.append("version: 1\n\n");
        b.append("dn: ").append(schemaDn).append('\n');
        b.append("objectclass: metaSchema\nobjectclass: top\n");
        b.append("cn: ").append(AtriumSchema.SCHEMA_NAME).append('\n');
        for (String dep : AtriumSchema.DEPENDENCIES) {
            b.append("m-dependencies: ").append(dep).append('\n');
        }
        b.append("m-disabled: FALSE\n\n");
        b.append("dn: ou=attributeTypes,").append(schemaDn).append('\n');
        b.append("objectclass: organizationalUnit\nobjectclass: top\nou: attributetypes\n\n");
        for (AttributeTypeDef at : schema.attributeTypes()) {
            b.append("dn: m-oid=").append(at.oid()).append(",ou=attributeTypes,").append(schemaDn).append('\n');
            b.append("objectclass: metaAttributeType\nobjectclass: metaTop\nobjectclass: top\n");
            b.append("m-oid: ").append(at.oid()).append('\n');
            for (String name : at.names()) {
                b.append("m-name: ").append(name).append('\n');
            }
            line(b, "m-description", at.description());
            if (at.obsolete()) {
                b.append("m-obsolete: TRUE\n");
            }
            line(b, "m-supAttributeType", at.superior());
            line(b, "m-equality", at.equality());
            line(b, "m-ordering", at.ordering());
            line(b, "m-substr", at.substring());
            line(b, "m-syntax", at.syntax());
            if (at.length() > 0) {
                b.append("m-length: ").append(at.length()).append('\n');
            }
            if (at.singleValue()) {
                b.append("m-singleValue: TRUE\n");
            }
            if (at.collective()) {
                b.append("m-collective: TRUE\n");
            }
            if (at.noUserModification()) {
                b.append("m-noUserModification: TRUE\n");
            }
            if (!at.usage().equals("userApplications")) {
                b.append("m-usage: ").append(at.usage()).append('\n');
            }
            b.append('\n');
        }
        b.append("dn: ou=objectClasses,").append(schemaDn).append('\n');
        b.append("objectclass: organizationalUnit\nobjectclass: top\nou: objectclasses\n\n");
        for (ObjectClassDef oc : schema.objectClasses()) {
            b.append("dn: m-oid=").append(oc.oid()).append(",ou=objectClasses,").append(schemaDn).append('\n');
            b.append("objectclass: metaObjectClass\nobjectclass: metaTop\nobjectclass: top\n");
            b.append("m-oid: ").append(oc.oid()).append('\n');
            for (String name : oc.names()) {
                b.append("m-name: ").append(name).append('\n');
            }
            line(b, "m-description", oc.description());
            if (oc.obsolete()) {
                b.append("m-obsolete: TRUE\n");
            }
            for (String sup : oc.superiors()) {
                b.append("m-supObjectClass: ").append(sup).append('\n');
            }
            b.append("m-typeObjectClass: ").append(oc.kind()).append('\n');
            for (String must : oc.must()) {
                b.append("m-must: ").append(must).append('\n');
            }
            for (String may : oc.may()) {
                b.append("m-may: ").append(may).append('\n');
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String attribute, String value) {
        if (value != null) {
            b.append(attribute).append(": ").append(value).append('\n');
        }
    }

    /** Writes every generated form below the given resources directory (e.g. src/main/resources). */
    public static void writeAll(Path resources) throws IOException {
        Schema schema = SchemaSource.parse(Files.readString(resources.resolve(AtriumSchema.SOURCE_RESOURCE)));
        write(resources.resolve(AtriumSchema.OPENLDAP_LDIF_RESOURCE), openLdapLdif(schema));
        write(resources.resolve(AtriumSchema.APACHEDS_LDIF_RESOURCE), apacheDsLdif(schema));
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws IOException {
        writeAll(Path.of(args.length > 0 ? args[0] : "src/main/resources"));
    }
}
