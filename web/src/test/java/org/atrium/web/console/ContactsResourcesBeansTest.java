package org.atrium.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.faces.validator.ValidatorException;
import java.time.Instant;
import java.util.Set;
import org.atrium.store.application.ContactData;
import org.atrium.store.application.ContactView;
import org.atrium.store.application.ResourceData;
import org.atrium.store.application.ResourceView;
import org.junit.jupiter.api.Test;

/** The contacts and resources pages' logic: the address checks, the fields they send and what the tables show. */
class ContactsResourcesBeansTest {

    private static final Set<String> HOSTED = Set.of("example.org", "example.net");

    @Test
    void contactAddressIsOutsideTheHostedDomainsAndFree() {
        assertNull(ContactsBean.addressProblem(" Ann@Partner.Test ", HOSTED, a -> false));
        assertEquals("ann@example.org is in a domain hosted here: a contact's address is outside them.",
                ContactsBean.addressProblem("ann@example.org", HOSTED, a -> false));
        assertEquals("A contact has ann@partner.test already.",
                ContactsBean.addressProblem("ANN@partner.test", HOSTED, "ann@partner.test"::equals));
        for (String bad : new String[] {"", "ann", "ann@", "@partner.test", "a b@partner.test"}) {
            assertThrows(ValidatorException.class, () -> ContactsBean.addressProblem(bad, HOSTED, a -> false), bad);
        }
    }

    @Test
    void contactFormCreatesWithoutBlanksAndClearsOnUpdate() {
        ContactsBean.Form f = new ContactsBean.Form();
        f.setAddress(" ann@partner.test ");
        f.setDomain("example.org");
        f.setDisplayName(" Ann Partner ");
        f.setCompany("Partner Ltd");
        f.setPhone("  ");
        f.setTitle("CTO");
        assertEquals(new ContactData("ann@partner.test", "example.org", "Ann Partner", null, null, "Partner Ltd",
                null, "CTO", null, null, null), f.data(true));
        assertEquals("address=ann@partner.test domain=example.org displayName=Ann Partner company=Partner Ltd"
                + " phone=null mobile=null title=CTO department=null", f.fields(true));
        // On update the address book and the address stay; an emptied field is cleared.
        assertEquals(new ContactData(null, null, "Ann Partner", null, null, "Partner Ltd", "", "CTO", "", "", null),
                f.data(false));
        assertEquals("displayName=Ann Partner company=Partner Ltd phone= mobile= title=CTO department=",
                f.fields(false));

        ContactsBean.Form e = new ContactsBean.Form();
        e.load(new ContactView(1, "bob@partner.test", "example.net", "Bob", "Bob", "Partner", "Partner Ltd", "Sales",
                "Head", "+1 555", "+1 556", "notes", Instant.EPOCH));
        assertEquals("example.net", e.getDomain());
        assertEquals(new ContactData(null, null, "Bob", null, null, "Partner Ltd", "Sales", "Head", "+1 555",
                "+1 556", null), e.data(false));
        ContactsBean.Row r = ContactsBean.Row.of(new ContactView(1, "bob@partner.test", "example.net", "Bob", null,
                null, "Partner Ltd", null, null, "+1 555", null, null, Instant.EPOCH));
        assertEquals(new ContactsBean.Row("bob@partner.test", "Bob", "Partner Ltd", "+1 555", "example.net"), r);
    }

    @Test
    void resourceAddressIsInAHostedDomainAndFree() {
        assertNull(ResourcesBean.addressProblem("Room-1@Example.org", HOSTED::contains, a -> false));
        assertEquals("Domain partner.test is not hosted here.",
                ResourcesBean.addressProblem("room-1@partner.test", HOSTED::contains, a -> false));
        assertEquals("room-1@example.org is taken already.",
                ResourcesBean.addressProblem("room-1@example.org", HOSTED::contains, "room-1@example.org"::equals));
        assertThrows(ValidatorException.class,
                () -> ResourcesBean.addressProblem("room-1", HOSTED::contains, a -> false));
    }

    @Test
    void resourceCapacityIsCheckedAsTyped() {
        assertNull(ResourcesBean.capacity(" "));
        assertNull(ResourcesBean.capacity(null));
        assertEquals(0, ResourcesBean.capacity("0"));
        assertEquals(12, ResourcesBean.capacity(" 12 "));
        assertEquals(100_000, ResourcesBean.capacity("100000"));
        for (String bad : new String[] {"-1", "100001", "twelve", "1.5", "99999999999999999999"}) {
            assertThrows(ValidatorException.class, () -> ResourcesBean.capacity(bad), bad);
        }
    }

    @Test
    void resourceFieldsAndFilter() {
        ResourcesBean b = new ResourcesBean();
        b.setAddress(" room-1@example.org ");
        b.setDisplayName(" ");
        b.setNewType("EQUIPMENT");
        b.setCapacity("8");
        b.setLocation(" Building A ");
        assertEquals(new ResourceData("room-1@example.org", null, "equipment", 8, "Building A"), b.newData());
        b.setEditName(" Big room ");
        b.setEditType("ROOM");
        b.setEditCapacity("");
        b.setEditLocation(null);
        assertEquals(new ResourceData(null, "Big room", "room", null, ""), b.editData());

        assertNull(b.type());
        b.setType("");
        assertNull(b.type());
        b.setType("room");
        assertEquals("ROOM", b.type());
        b.setType("EQUIPMENT");
        assertEquals("EQUIPMENT", b.type());
        b.setType("desk");
        assertNull(b.type());

        ResourcesBean.Row r = ResourcesBean.Row.of(new ResourceView(1, "room-1@example.org", "example.org", "Room 1",
                "ROOM", 8, "Building A", true, 3, Instant.EPOCH));
        assertEquals("room", r.getTypeLabel());
        assertEquals(3, r.getMessages());
        assertEquals(8, r.getCapacity());
    }
}
