package org.atrium.store.infrastructure.inbound;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.atrium.store.application.GrantView;
import org.junit.jupiter.api.Test;

/** Who may send as whom on submission (issue #4, ADR 0006 send-as / send-on-behalf, RFC 5322 §3.6.2). */
class SmtpIntakeSenderRulesTest {

    private static final String ALICE = "alice@atrium.test";
    /** alice has the alias al@; bob, carol and dave are accounts; elsewhere.example is not hosted. */
    private static final Function<String, String> OWNER = a -> switch (a.toLowerCase()) {
        case "alice@atrium.test", "al@atrium.test" -> ALICE;
        case "bob@atrium.test" -> "bob@atrium.test";
        case "carol@atrium.test" -> "carol@atrium.test";
        case "dave@atrium.test" -> "dave@atrium.test";
        default -> null;
    };
    /** bob granted alice send-as, carol send-on-behalf, dave only READ. */
    private static final Map<String, GrantView> GRANTS = Map.of(
            "bob@atrium.test", new GrantView("Bob@atrium.test", ALICE, "NONE", true, false),
            "carol@atrium.test", new GrantView("carol@atrium.test", ALICE, "NONE", false, true),
            "dave@atrium.test", new GrantView("dave@atrium.test", ALICE, "READ", false, false));

    @Test
    void envelopeSender() {
        assertTrue(SmtpIntakeAdapter.senderAllowed(ALICE, "alice@atrium.test", OWNER, GRANTS));
        assertTrue(SmtpIntakeAdapter.senderAllowed(ALICE, "AL@atrium.test", OWNER, GRANTS), "alias");
        assertTrue(SmtpIntakeAdapter.senderAllowed(ALICE, "bob@atrium.test", OWNER, GRANTS), "send-as");
        assertTrue(SmtpIntakeAdapter.senderAllowed(ALICE, "carol@atrium.test", OWNER, GRANTS), "send-on-behalf");
        assertFalse(SmtpIntakeAdapter.senderAllowed(ALICE, "dave@atrium.test", OWNER, GRANTS), "read only");
        assertFalse(SmtpIntakeAdapter.senderAllowed(ALICE, "x@elsewhere.example", OWNER, GRANTS), "not hosted");
        assertFalse(SmtpIntakeAdapter.senderAllowed("bob@atrium.test", "alice@atrium.test", OWNER, Map.of()));
    }

    @Test
    void fromField() {
        assertTrue(SmtpIntakeAdapter.fromAllowed(ALICE, List.of("al@atrium.test"), null, OWNER, GRANTS));
        assertTrue(SmtpIntakeAdapter.fromAllowed(ALICE, List.of("bob@atrium.test", ALICE), null, OWNER, GRANTS));
        assertFalse(SmtpIntakeAdapter.fromAllowed(ALICE, List.of("carol@atrium.test"), null, OWNER, GRANTS),
                "send-on-behalf needs Sender");
        assertTrue(SmtpIntakeAdapter.fromAllowed(ALICE, List.of("carol@atrium.test"), "al@atrium.test", OWNER,
                GRANTS));
        assertFalse(SmtpIntakeAdapter.fromAllowed(ALICE, List.of("carol@atrium.test"), "bob@atrium.test", OWNER,
                GRANTS), "Sender must be the user itself");
        assertFalse(SmtpIntakeAdapter.fromAllowed(ALICE, List.of(ALICE, "dave@atrium.test"), null, OWNER, GRANTS));
        assertFalse(SmtpIntakeAdapter.fromAllowed(ALICE, List.of("x@elsewhere.example"), ALICE, OWNER, GRANTS));
        assertFalse(SmtpIntakeAdapter.fromAllowed(ALICE, List.of(), ALICE, OWNER, GRANTS));
    }
}
