package org.atrium.store.infrastructure.directory.ldap;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One recipient as published in the global address list. The database is the source of truth; this is the
 * projection the GAL server writes into LDAP. Optional fields are {@code null}; lists are never null.
 *
 * @param kind        what the recipient is; decides container and object classes
 * @param domain      mail domain, e.g. {@code atrium.test}
 * @param localId     stable id within kind and domain, used as the {@code uid} RDN (e.g. the local part or a key)
 * @param mail        primary address
 * @param aliases     further addresses ({@code atriumMailAlias})
 * @param managerMail primary address of the manager; published as the {@code manager} DN when it is in the GAL
 * @param memberMails members of a group ({@code atriumMemberMail}; also {@code member} DNs when in the GAL)
 * @param hidden      hidden from the GAL ({@code atriumHideFromGal}); only the admin sees hidden entries
 * @param company     organisation of a contact ({@code o})
 * @param mobile      mobile number ({@code mobile}, RFC 4524)
 * @param notes       free text ({@code description})
 * @param resourceType     ROOM or EQUIPMENT of a resource ({@code atriumResourceType})
 * @param resourceCapacity people a room holds ({@code atriumResourceCapacity})
 * @param location    where a resource is ({@code l}, RFC 4519)
 */
public record GalEntry(Kind kind, String domain, String localId, String mail, List<String> aliases,
                       String displayName, String givenName, String surname, String department, String title,
                       String phone, String office, String managerMail, List<String> memberMails,
                       boolean hidden, String company, String mobile, String notes, String resourceType,
                       Integer resourceCapacity, String location) {

    /** The fields every kind had before contacts and resources (ADR 0017) were published. */
    public GalEntry(Kind kind, String domain, String localId, String mail, List<String> aliases,
                    String displayName, String givenName, String surname, String department, String title,
                    String phone, String office, String managerMail, List<String> memberMails, boolean hidden) {
        this(kind, domain, localId, mail, aliases, displayName, givenName, surname, department, title, phone, office,
                managerMail, memberMails, hidden, null, null, null, null, null, null);
    }

    /** Kinds of recipient and the container ({@code ou=...}) each lives in below its domain. */
    public enum Kind {
        USER("people"), GROUP("groups"), CONTACT("contacts"), RESOURCE("resources"), PUBLIC_FOLDER("folders");

        private final String container;

        Kind(String container) {
            this.container = container;
        }

        /** The {@code ou} value of the container below {@code ou=<domain>}. */
        public String container() {
            return container;
        }
    }

    public GalEntry {
        Objects.requireNonNull(kind, "kind");
        domain = requireText(domain, "domain").toLowerCase(Locale.ROOT);
        localId = requireText(localId, "localId");
        mail = requireText(mail, "mail");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        memberMails = memberMails == null ? List.of() : List.copyOf(memberMails);
    }

    /** A user with the usual GAL fields; further fields through the canonical constructor. */
    public static GalEntry user(String domain, String localId, String mail, String givenName, String surname) {
        String display = (givenName == null ? "" : givenName + " ") + (surname == null ? "" : surname);
        return new GalEntry(Kind.USER, domain, localId, mail, List.of(), display.isBlank() ? null : display.strip(),
                givenName, surname, null, null, null, null, null, List.of(), false);
    }

    /** A group / distribution list with its members' addresses. */
    public static GalEntry group(String domain, String localId, String mail, String displayName,
                                 List<String> memberMails) {
        return new GalEntry(Kind.GROUP, domain, localId, mail, List.of(), displayName, null, null, null, null, null,
                null, null, memberMails, false);
    }

    public GalEntry withAliases(List<String> newAliases) {
        return new GalEntry(kind, domain, localId, mail, newAliases, displayName, givenName, surname, department,
                title, phone, office, managerMail, memberMails, hidden, company, mobile, notes, resourceType,
                resourceCapacity, location);
    }

    public GalEntry withOrganization(String newDepartment, String newTitle, String newPhone, String newOffice,
                                     String newManagerMail) {
        return new GalEntry(kind, domain, localId, mail, aliases, displayName, givenName, surname, newDepartment,
                newTitle, newPhone, newOffice, newManagerMail, memberMails, hidden, company, mobile, notes,
                resourceType, resourceCapacity, location);
    }

    public GalEntry withHidden(boolean newHidden) {
        return new GalEntry(kind, domain, localId, mail, aliases, displayName, givenName, surname, department, title,
                phone, office, managerMail, memberMails, newHidden, company, mobile, notes, resourceType,
                resourceCapacity, location);
    }

    /** A contact's company, mobile number and notes (ADR 0017). */
    public GalEntry withContact(String newCompany, String newMobile, String newNotes) {
        return new GalEntry(kind, domain, localId, mail, aliases, displayName, givenName, surname, department, title,
                phone, office, managerMail, memberMails, hidden, newCompany, newMobile, newNotes, resourceType,
                resourceCapacity, location);
    }

    /** A resource's type, capacity and location (ADR 0017). */
    public GalEntry withResource(String newType, Integer newCapacity, String newLocation) {
        return new GalEntry(kind, domain, localId, mail, aliases, displayName, givenName, surname, department, title,
                phone, office, managerMail, memberMails, hidden, company, mobile, notes, newType, newCapacity,
                newLocation);
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value.strip();
    }
}
