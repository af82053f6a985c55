package org.atrium.directory.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.directory.api.ldap.model.entry.Attribute;
import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.entry.Value;
import org.apache.directory.api.ldap.model.ldif.LdifEntry;
import org.apache.directory.api.ldap.model.ldif.LdifReader;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.apache.directory.api.ldap.model.schema.ObjectClass;
import org.apache.directory.api.ldap.model.schema.parsers.OpenLdapSchemaParser;
import org.atrium.directory.schema.SchemaSource.AttributeTypeDef;
import org.atrium.directory.schema.SchemaSource.ObjectClassDef;
import org.atrium.directory.schema.SchemaSource.Schema;
import org.junit.jupiter.api.Test;

/**
 * Proves that every shipped form of the schema agrees with the single source {@code atrium.schema}, that every
 * OID is below the documented arc and that every name carries the prefix.
 */
class SchemaFormsTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    private static String resource(String name) throws IOException {
        try (InputStream in = SchemaFormsTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, "missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void checkedInFormsAreWhatTheGeneratorProduces() throws IOException {
        if (Boolean.getBoolean("atrium.schema.regenerate")) {
            SchemaGenerator.writeAll(RESOURCES);
        }
        Schema schema = SchemaSource.parse(Files.readString(RESOURCES.resolve(AtriumSchema.SOURCE_RESOURCE)));
        String hint = " is stale: run mvn -pl directory-schema test -Datrium.schema.regenerate=true";
        assertEquals(SchemaGenerator.openLdapLdif(schema),
                Files.readString(RESOURCES.resolve(AtriumSchema.OPENLDAP_LDIF_RESOURCE)),
                AtriumSchema.OPENLDAP_LDIF_RESOURCE + hint);
        assertEquals(SchemaGenerator.apacheDsLdif(schema),
                Files.readString(RESOURCES.resolve(AtriumSchema.APACHEDS_LDIF_RESOURCE)),
                AtriumSchema.APACHEDS_LDIF_RESOURCE + hint);
    }

    @Test
    void oidsAreUnderTheArcAndNamesCarryThePrefix() throws IOException {
        Schema schema = SchemaSource.load();
        assertFalse(schema.attributeTypes().isEmpty());
        assertFalse(schema.objectClasses().isEmpty());
        Set<String> oids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (AttributeTypeDef at : schema.attributeTypes()) {
            assertTrue(at.oid().startsWith(AtriumSchema.ATTRIBUTE_TYPE_ARC + "."), at.oid());
            assertTrue(at.oid().substring(AtriumSchema.ATTRIBUTE_TYPE_ARC.length() + 1).matches("[1-9][0-9]*"),
                    at.oid());
            assertTrue(oids.add(at.oid()), "duplicate OID " + at.oid());
            at.names().forEach(n -> assertTrue(n.startsWith(AtriumSchema.NAME_PREFIX), n));
            at.names().forEach(n -> assertTrue(names.add(n.toLowerCase()), "duplicate name " + n));
        }
        for (ObjectClassDef oc : schema.objectClasses()) {
            assertTrue(oc.oid().startsWith(AtriumSchema.OBJECT_CLASS_ARC + "."), oc.oid());
            assertTrue(oc.oid().substring(AtriumSchema.OBJECT_CLASS_ARC.length() + 1).matches("[1-9][0-9]*"),
                    oc.oid());
            assertTrue(oids.add(oc.oid()), "duplicate OID " + oc.oid());
            oc.names().forEach(n -> assertTrue(n.startsWith(AtriumSchema.NAME_PREFIX), n));
            oc.names().forEach(n -> assertTrue(names.add(n.toLowerCase()), "duplicate name " + n));
        }
        for (String required : List.of(AtriumSchema.OC_MAIL_USER, AtriumSchema.OC_MAIL_GROUP,
                AtriumSchema.OC_MAIL_CONTACT, AtriumSchema.OC_RESOURCE, AtriumSchema.OC_PUBLIC_FOLDER,
                AtriumSchema.AT_MAIL_ALIAS, AtriumSchema.AT_MAIL_ENABLED, AtriumSchema.AT_HIDE_FROM_GAL,
                AtriumSchema.AT_DOMAIN, AtriumSchema.AT_MEMBER_MAIL)) {
            assertTrue(names.contains(required.toLowerCase()), "schema lacks " + required);
        }
        String oidPlan = Files.readString(Path.of("OIDS.md"));
        assertTrue(oidPlan.contains(AtriumSchema.ATTRIBUTE_TYPE_ARC), "OIDS.md does not document the arc");
        for (String oid : oids) {
            assertTrue(oidPlan.contains(oid + " "), "OIDS.md does not list " + oid);
        }
    }

    /** The OpenLDAP source, parsed by the Apache LDAP API's own parser, is what our strict reader sees. */
    @Test
    void independentParserAgreesWithSource() throws Exception {
        Schema schema = SchemaSource.load();
        OpenLdapSchemaParser parser = new OpenLdapSchemaParser();
        parser.parse(new java.io.ByteArrayInputStream(resource(AtriumSchema.SOURCE_RESOURCE).getBytes(StandardCharsets.UTF_8)));
        assertEquals(schema.attributeTypes().size(), parser.getAttributeTypes().size());
        assertEquals(schema.objectClasses().size(), parser.getObjectClasses().size());
        for (int i = 0; i < schema.attributeTypes().size(); i++) {
            assertSame(schema.attributeTypes().get(i), parser.getAttributeTypes().get(i));
        }
        for (int i = 0; i < schema.objectClasses().size(); i++) {
            assertSame(schema.objectClasses().get(i), parser.getObjectClasses().get(i));
        }
    }

    /** Each olcAttributeTypes / olcObjectClasses value of the cn=config form parses back to the source. */
    @Test
    void openLdapConfigFormAgreesWithSource() throws Exception {
        Schema schema = SchemaSource.load();
        Entry entry = single(ldif(resource(AtriumSchema.OPENLDAP_LDIF_RESOURCE)));
        assertEquals("cn=atrium,cn=schema,cn=config", entry.getDn().getName());
        OpenLdapSchemaParser parser = new OpenLdapSchemaParser();
        List<String> ats = strings(entry.get("olcAttributeTypes"));
        List<String> ocs = strings(entry.get("olcObjectClasses"));
        assertEquals(schema.attributeTypes().size(), ats.size());
        assertEquals(schema.objectClasses().size(), ocs.size());
        for (int i = 0; i < ats.size(); i++) {
            assertSame(schema.attributeTypes().get(i), parser.parseAttributeType(ats.get(i)));
        }
        for (int i = 0; i < ocs.size(); i++) {
            assertSame(schema.objectClasses().get(i), parser.parseObjectClass(ocs.get(i)));
        }
    }

    /** The ApacheDS meta-schema entries carry exactly what the source says. */
    @Test
    void apacheDsFormAgreesWithSource() throws Exception {
        Schema schema = SchemaSource.load();
        List<Entry> entries = ldif(resource(AtriumSchema.APACHEDS_LDIF_RESOURCE));
        Map<String, Entry> byOid = new HashMap<>();
        for (Entry e : entries) {
            if (e.containsAttribute("m-oid")) {
                byOid.put(e.get("m-oid").getString(), e);
            }
        }
        assertEquals(schema.attributeTypes().size() + schema.objectClasses().size(), byOid.size());
        assertTrue(entries.stream().anyMatch(e -> e.getDn().getName().equals("cn=atrium,ou=schema")));
        for (AttributeTypeDef at : schema.attributeTypes()) {
            Entry e = byOid.get(at.oid());
            assertNotNull(e, at.oid());
            assertEquals("m-oid=" + at.oid() + ",ou=attributeTypes,cn=atrium,ou=schema", e.getDn().getName());
            assertTrue(e.contains("objectclass", "metaAttributeType"));
            assertEquals(at.names(), strings(e.get("m-name")));
            assertEquals(at.description(), string(e, "m-description"));
            assertEquals(at.equality(), string(e, "m-equality"));
            assertEquals(at.ordering(), string(e, "m-ordering"));
            assertEquals(at.substring(), string(e, "m-substr"));
            assertEquals(at.syntax(), string(e, "m-syntax"));
            assertEquals(at.length() == 0 ? null : String.valueOf(at.length()), string(e, "m-length"));
            assertEquals(at.singleValue() ? "TRUE" : null, string(e, "m-singleValue"));
            assertEquals(at.superior(), string(e, "m-supAttributeType"));
        }
        for (ObjectClassDef oc : schema.objectClasses()) {
            Entry e = byOid.get(oc.oid());
            assertNotNull(e, oc.oid());
            assertEquals("m-oid=" + oc.oid() + ",ou=objectClasses,cn=atrium,ou=schema", e.getDn().getName());
            assertTrue(e.contains("objectclass", "metaObjectClass"));
            assertEquals(oc.names(), strings(e.get("m-name")));
            assertEquals(oc.description(), string(e, "m-description"));
            assertEquals(oc.kind(), string(e, "m-typeObjectClass"));
            assertEquals(oc.superiors(), strings(e.get("m-supObjectClass")));
            assertEquals(oc.must(), strings(e.get("m-must")));
            assertEquals(oc.may(), strings(e.get("m-may")));
        }
    }

    @Test
    void strictReaderRejectsWhatItCannotCarry() {
        assertThrows(IllegalArgumentException.class,
                () -> SchemaSource.parse("objectidentifier AtriumRoot 1.3.6.1.4.1.99999.1\n"));
        assertThrows(IllegalArgumentException.class, () -> SchemaSource.parse(
                "attributetype ( 1.3.6.1.4.1.99999.1.1.99 NAME 'atriumX' X-ORIGIN 'x' SYNTAX 1.2.3 )\n"));
        assertThrows(IllegalArgumentException.class, () -> SchemaSource.parse(
                "attributetype ( 1.3.6.1.4.1.99999.1.1.99 NAME 'atriumX' SYNTAX 1.2.3\n"));
    }

    private static void assertSame(AttributeTypeDef ours, AttributeType theirs) {
        assertEquals(ours.oid(), theirs.getOid());
        assertEquals(ours.names(), theirs.getNames());
        assertEquals(ours.description(), theirs.getDescription());
        assertEquals(ours.equality(), theirs.getEqualityOid());
        assertEquals(ours.ordering(), theirs.getOrderingOid());
        assertEquals(ours.substring(), theirs.getSubstringOid());
        assertEquals(ours.syntax(), theirs.getSyntaxOid());
        assertEquals(ours.length(), (int) theirs.getSyntaxLength());
        assertEquals(ours.singleValue(), theirs.isSingleValued());
        assertEquals(ours.superior(), theirs.getSuperiorOid());
        assertEquals(ours.noUserModification(), !theirs.isUserModifiable());
    }

    private static void assertSame(ObjectClassDef ours, ObjectClass theirs) {
        assertEquals(ours.oid(), theirs.getOid());
        assertEquals(ours.names(), theirs.getNames());
        assertEquals(ours.description(), theirs.getDescription());
        assertEquals(ours.kind(), theirs.getType().name());
        assertEquals(ours.superiors(), theirs.getSuperiorOids());
        assertEquals(ours.must(), theirs.getMustAttributeTypeOids());
        assertEquals(ours.may(), theirs.getMayAttributeTypeOids());
    }

    private static List<Entry> ldif(String text) throws Exception {
        List<Entry> entries = new ArrayList<>();
        try (LdifReader reader = new LdifReader(new StringReader(text))) {
            for (LdifEntry e : reader) {
                entries.add(e.getEntry());
            }
        }
        return entries;
    }

    private static Entry single(List<Entry> entries) {
        assertEquals(1, entries.size());
        return entries.get(0);
    }

    private static String string(Entry e, String attribute) throws Exception {
        Attribute a = e.get(attribute);
        if (a == null) {
            return null;
        }
        assertEquals(1, a.size(), attribute);
        return a.getString();
    }

    private static List<String> strings(Attribute a) {
        List<String> values = new ArrayList<>();
        if (a != null) {
            for (Value v : a) {
                values.add(v.getString());
            }
        }
        return values;
    }
}
