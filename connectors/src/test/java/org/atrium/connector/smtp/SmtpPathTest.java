package org.atrium.connector.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** RFC 5321 §4.1.2 path grammar. */
class SmtpPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"<a@b.example>", "<first.last+tag@sub.example.org>", "<\"john doe\"@example.org>",
            "<\"a\\\"b>c\"@example.org>", "<user@[192.0.2.1]>", "<user@[IPv6:2001:db8::1]>",
            "<user@[IPv6:::ffff:192.0.2.1]>", "<user@[IPv6:1:2:3:4:5:6:7:8]>", "<x@[tag:stuff]>",
            "<!#$%&'*+-/=?^_`{|}~@example.org>"})
    void valid(String path) throws Exception {
        assertEquals(path.substring(1, path.length() - 1), SmtpPath.parse(path, false, false).path().address());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b.example", "<a@b.example", "<>", "<a>", "<@b.example>", "<a@>", "<a..b@example.org>",
            "<.a@example.org>", "<a.@example.org>", "<a b@example.org>", "<a@-b.example>", "<a@b_c.example>",
            "<a@b.example.>", "<a@[300.1.1.1]>", "<a@[1.2.3]>", "<a@[IPv6:1::2::3]>", "<a@[IPv6:12345::]>",
            "<\"unterminated@example.org>", "<a@b.example>x", "<ä@example.org>", "<a@exämple.org>",
            "<a@b.example>\tSIZE=1"})
    void invalid(String path) {
        assertThrows(SmtpPath.SyntaxException.class, () -> SmtpPath.parse(path, false, false));
    }

    @Test
    void localPartLimit() throws Exception {
        SmtpPath.parse("<" + "a".repeat(64) + "@example.org>", false, false);
        assertThrows(SmtpPath.SyntaxException.class,
                () -> SmtpPath.parse("<" + "a".repeat(65) + "@example.org>", false, false));
    }

    @Test
    void nullPathPostmasterSourceRouteAndParameters() throws Exception {
        assertTrue(SmtpPath.parse("<>", true, false).path().isNull());
        assertEquals("postmaster", SmtpPath.parse("<PostMaster>", false, true).path().address());
        assertThrows(SmtpPath.SyntaxException.class, () -> SmtpPath.parse("<postmaster>", false, false));
        assertEquals("u@c.example", SmtpPath.parse("<@a.example,@b.example:u@c.example>", false, false).path()
                .address());
        SmtpPath.Parsed p = SmtpPath.parse("<a@b.example>  SIZE=10 BODY=8BITMIME", true, false);
        assertEquals(List.of("SIZE=10", "BODY=8BITMIME"), p.parameters());
    }
}
