package org.atrium.directory.schema;

/**
 * Facts about the Atrium directory schema shared by the generator, the tests and the embedded GAL server.
 * See {@code directory-schema/OIDS.md}.
 */
public final class AtriumSchema {

    /** Private arc of the Atrium directory (placeholder Private Enterprise Number 99999, see OIDS.md). */
    public static final String OID_ARC = "1.3.6.1.4.1.99999.1";
    /** Sub-arc of attribute types. */
    public static final String ATTRIBUTE_TYPE_ARC = OID_ARC + ".1";
    /** Sub-arc of object classes. */
    public static final String OBJECT_CLASS_ARC = OID_ARC + ".2";
    /** Every name the schema defines starts with this prefix. */
    public static final String NAME_PREFIX = "atrium";
    /** Schema name (cn=atrium,ou=schema in ApacheDS, cn=atrium,cn=schema,cn=config in OpenLDAP). */
    public static final String SCHEMA_NAME = "atrium";
    /** Schemas this one depends on (ApacheDS names). */
    public static final String[] DEPENDENCIES = {"system", "core", "cosine", "inetorgperson"};

    private static final String BASE = "org/atrium/directory/";
    /** The single source: RFC 4512 descriptions in OpenLDAP .schema syntax. */
    public static final String SOURCE_RESOURCE = BASE + "schema/atrium.schema";
    /** Generated: OpenLDAP cn=config form. */
    public static final String OPENLDAP_LDIF_RESOURCE = BASE + "schema/openldap/atrium.ldif";
    /** Generated: ApacheDS meta-schema form (entries under ou=schema). */
    public static final String APACHEDS_LDIF_RESOURCE = BASE + "schema/apacheds/atrium.ldif";
    /** Base DIT of one mail domain, with the placeholders {@code {{SUFFIX}}} and {@code {{DOMAIN}}}. */
    public static final String DOMAIN_TEMPLATE_RESOURCE = BASE + "ldif/domain-template.ldif";
    /** Demo data (not loaded by the server). */
    public static final String SAMPLE_DATA_RESOURCE = BASE + "ldif/sample-data.ldif";

    /** Placeholder for the suffix in the DIT templates. */
    public static final String SUFFIX_PLACEHOLDER = "{{SUFFIX}}";
    /** Placeholder for the mail domain (e.g. atrium.test) in the DIT templates. */
    public static final String DOMAIN_PLACEHOLDER = "{{DOMAIN}}";

    /** Containers created below every domain entry. */
    public static final String PEOPLE = "people";
    public static final String GROUPS = "groups";
    public static final String CONTACTS = "contacts";
    public static final String RESOURCES = "resources";
    public static final String FOLDERS = "folders";

    // attribute and object class names, to avoid string typos in code that uses the schema
    public static final String AT_MAIL_ALIAS = "atriumMailAlias";
    public static final String AT_MAIL_ENABLED = "atriumMailEnabled";
    public static final String AT_HIDE_FROM_GAL = "atriumHideFromGal";
    public static final String AT_DOMAIN = "atriumDomain";
    public static final String AT_MEMBER_MAIL = "atriumMemberMail";
    public static final String AT_RESOURCE_TYPE = "atriumResourceType";
    public static final String AT_RESOURCE_CAPACITY = "atriumResourceCapacity";
    public static final String AT_FOLDER_PATH = "atriumFolderPath";
    public static final String OC_MAIL_USER = "atriumMailUser";
    public static final String OC_MAIL_GROUP = "atriumMailGroup";
    public static final String OC_MAIL_CONTACT = "atriumMailContact";
    public static final String OC_RESOURCE = "atriumResource";
    public static final String OC_PUBLIC_FOLDER = "atriumPublicFolder";

    private AtriumSchema() {
    }
}
