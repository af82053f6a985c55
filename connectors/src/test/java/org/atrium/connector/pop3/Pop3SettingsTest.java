package org.atrium.connector.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class Pop3SettingsTest {

    @Test
    void defaultsFollowTheRfcs() {
        Pop3Settings s = Pop3Settings.defaults("mail.example.org");
        assertEquals(600, s.idleTimeoutSeconds());
        assertEquals(255, s.maxLine());
        assertEquals(253, s.maxLineWithoutCrlf());
        assertEquals(40, s.maxArgument());
        assertEquals(3, s.maxAuthFailures());
        assertEquals(1000, s.authFailureDelayMillis());
    }

    @Test
    void idleTimeoutBelowTenMinutesIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new Pop3Settings("h.example", 599, 255, 40, 3, 1000, "Atrium"));
    }

    @Test
    void hostnameMustBeAnnounceable() {
        assertThrows(IllegalArgumentException.class, () -> Pop3Settings.defaults("bad host"));
        assertThrows(IllegalArgumentException.class, () -> Pop3Settings.defaults("evil\r\nhost"));
    }
}
