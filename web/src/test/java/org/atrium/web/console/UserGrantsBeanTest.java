package org.atrium.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.faces.validator.ValidatorException;
import java.util.List;
import java.util.Set;
import org.atrium.store.application.GrantView;
import org.junit.jupiter.api.Test;

/** The users page's grants dialog: the grantee check, the audited fields, what it says and what it edits. */
class UserGrantsBeanTest {

    private static final Set<String> USERS = Set.of("ann@example.org", "bob@example.org");

    @Test
    void granteeIsAnExistingUserOtherThanTheOwner() {
        assertNull(UserGrantsBean.granteeProblem(" Bob@Example.org ", "ann@example.org", USERS::contains));
        assertEquals("A user cannot delegate to themselves.",
                UserGrantsBean.granteeProblem("ANN@example.org", " Ann@Example.org", USERS::contains));
        assertEquals("No user carol@example.org.",
                UserGrantsBean.granteeProblem("carol@example.org", "ann@example.org", USERS::contains));
        for (String bad : new String[] {"", "bob", "bob@", "@example.org", "b b@example.org"}) {
            assertThrows(ValidatorException.class,
                    () -> UserGrantsBean.granteeProblem(bad, "ann@example.org", USERS::contains), bad);
        }
    }

    @Test
    void auditedFieldsNameTheRestBody() {
        assertEquals("access=FULL sendAs=true sendOnBehalf=false", UserGrantsBean.fields("FULL", true, false));
        assertEquals("access=NONE sendAs=false sendOnBehalf=true", UserGrantsBean.fields("NONE", false, true));
    }

    @Test
    void outcomeInWords() {
        assertEquals("Grant to bob@example.org saved: FULL access, send as.",
                UserGrantsBean.outcome(new GrantView("ann@example.org", "bob@example.org", "FULL", true, false)));
        assertEquals("Grant to bob@example.org saved: no mailbox access, send as, send on behalf.",
                UserGrantsBean.outcome(new GrantView("ann@example.org", "bob@example.org", "NONE", true, true)));
        assertEquals("The grant to bob@example.org granted nothing and was removed.",
                UserGrantsBean.outcome(new GrantView("ann@example.org", "bob@example.org", "NONE", false, false)));
    }

    @Test
    void changeFillsTheFormWithTheGrant() {
        UserGrantsBean b = new UserGrantsBean();
        b.delegation = new FakeDelegation(List.of(
                new GrantView("ann@example.org", "bob@example.org", "FULL", false, true)));
        b.select("ann@example.org");
        assertEquals(List.of(new UserGrantsBean.Row("bob@example.org", "FULL", false, true)), b.getRows());
        assertEquals("READ", b.getAccess());
        assertNull(b.getGrantee());
        b.edit("BOB@example.org");
        assertEquals("bob@example.org", b.getGrantee());
        assertEquals("FULL", b.getAccess());
        assertEquals(false, b.isSendAs());
        assertEquals(true, b.isSendOnBehalf());
        b.edit("carol@example.org"); // no such grant: the form stays
        assertEquals("bob@example.org", b.getGrantee());
        b.select("bob@example.org"); // another owner: an empty form
        assertNull(b.getGrantee());
        assertEquals("READ", b.getAccess());
    }

    /** The grants one owner gave. */
    private record FakeDelegation(List<GrantView> grants) implements org.atrium.store.application.DelegationService {
        @Override
        public List<GrantView> given(String owner) {
            return grants.stream().filter(g -> g.owner().equals(owner)).toList();
        }

        @Override
        public List<GrantView> received(String grantee) {
            return grants.stream().filter(g -> g.grantee().equals(grantee)).toList();
        }

        @Override
        public GrantView set(String owner, String grantee, String access, Boolean sendAs, Boolean sendOnBehalf) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void remove(String owner, String grantee) {
            throw new UnsupportedOperationException();
        }
    }
}
