package org.atrium.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** What the audit log keeps of a request: its fields, never a secret. */
class AuditDetailTest {

    private static String describe(String body) {
        return AuditDetail.describe(body.getBytes(StandardCharsets.UTF_8), false, null);
    }

    @Test
    void passwordsAreMaskedAndOtherFieldsKept() {
        String d = describe("{\"address\":\"a@b.test\",\"password\":\"S3cret!x\",\"admin\":true,\"quota\":5}");
        assertEquals("{\"address\":\"a@b.test\",\"password\":\"***\",\"admin\":true,\"quota\":5}", d);
    }

    @Test
    void anyKeyContainingPasswordOrSecretIsMaskedAtAnyDepthWhateverItsType() {
        String d = describe("{\"newPassword\":\"p1\",\"OLD_PASSWORD\":\"p2\",\"clientSecret\":{\"k\":\"p3\"},"
                + "\"list\":[{\"secret\":[\"p4\"]},{\"name\":\"n\"}],\"passwordHint\":42,\"x\":null}");
        for (String value : new String[] {"p1", "p2", "p3", "p4", "42"}) {
            assertFalse(d.contains(value), value + " leaked: " + d);
        }
        assertEquals("{\"newPassword\":\"***\",\"OLD_PASSWORD\":\"***\",\"clientSecret\":\"***\","
                + "\"list\":[{\"secret\":\"***\"},{\"name\":\"n\"}],\"passwordHint\":\"***\",\"x\":null}", d);
    }

    @Test
    void stringsAreEscapedSoAFieldCannotForgeAnother() {
        String d = describe("{\"displayName\":\"x\\\",\\\"password\\\":\\\"p\"}");
        assertEquals("{\"displayName\":\"x\\\",\\\"password\\\":\\\"p\"}", d);
    }

    @Test
    void bodiesThatAreNotAJsonObjectOrArrayAreNotShown() {
        assertEquals("body not JSON, not shown", describe("password=hunter2"));
        assertEquals("body not JSON, not shown", describe("{\"password\":\"hunter2\""));
        assertEquals("body a bare JSON string, not shown", describe("\"hunter2\""));
        byte[] big = ("{\"password\":\"hunter2\",\"pad\":\"" + "x".repeat(5000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        String d = AuditDetail.describe(java.util.Arrays.copyOf(big, AuditBodyFilter.KEPT), true, null);
        assertEquals("body of more than 4096 bytes not shown", d);
    }

    @Test
    void errorsAddTheirCodeAndField() {
        assertEquals("{\"password\":\"***\"} error=INVALID field=password",
                AuditDetail.describe("{\"password\":\"\"}".getBytes(StandardCharsets.UTF_8), false,
                        new ApiError("INVALID", "password is too short", "password")));
        assertEquals("error=FORBIDDEN", AuditDetail.describe(null, false,
                new ApiError("FORBIDDEN", "administrators only", null)));
        assertNull(AuditDetail.describe(new byte[0], false, null));
    }

    @Test
    void secretQueryParametersAreMasked() {
        assertEquals("domain=a.test&password=***&Client%20Secret=***&x",
                AuditDetail.redactedQuery("domain=a.test&password=hunter2&Client%20Secret=s&x"));
        assertNull(AuditDetail.redactedQuery(null));
    }

    @Test
    void secretNames() {
        assertTrue(AuditDetail.secret("password"));
        assertTrue(AuditDetail.secret("AppPassword"));
        assertTrue(AuditDetail.secret("sharedSecret"));
        assertFalse(AuditDetail.secret("address"));
        assertFalse(AuditDetail.secret(null));
    }

    @Test
    void logTextStaysOnOneLine() {
        assertEquals("a??b", AuditDetail.printable("a\r\nb"));
    }

    @Test
    void theLoginOfABasicHeaderWithoutItsPassword() {
        String header = "Basic " + Base64.getEncoder().encodeToString("root@a.test:pw:with:colons"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("root@a.test", AdminAuthFilter.login(header).orElseThrow());
        assertTrue(AdminAuthFilter.login("Bearer x").isEmpty());
        assertTrue(AdminAuthFilter.login("Basic !!!").isEmpty());
        assertTrue(AdminAuthFilter.login(null).isEmpty());
    }
}
