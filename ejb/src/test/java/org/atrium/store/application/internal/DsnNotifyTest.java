package org.atrium.store.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.atrium.store.application.internal.DsnNotify.On;
import org.junit.jupiter.api.Test;

class DsnNotifyTest {

    @Test
    void withoutNotifyFailureAndDelayAreReported() {
        assertTrue(DsnNotify.wants("a@x.org", null, On.FAILURE));
        assertTrue(DsnNotify.wants("a@x.org", null, On.DELAY));
        assertFalse(DsnNotify.wants("a@x.org", null, On.SUCCESS));
    }

    @Test
    void notifyListsWhatIsReportedAndNeverNothing() {
        assertTrue(DsnNotify.wants("a@x.org", "SUCCESS,FAILURE", On.SUCCESS));
        assertFalse(DsnNotify.wants("a@x.org", "SUCCESS,FAILURE", On.DELAY));
        assertTrue(DsnNotify.wants("a@x.org", "delay", On.DELAY));
        for (On on : On.values()) {
            assertFalse(DsnNotify.wants("a@x.org", "NEVER", on));
        }
    }

    @Test
    void theNullReversePathNeverGetsANotification() {
        for (On on : On.values()) {
            assertFalse(DsnNotify.wants("", "SUCCESS,FAILURE,DELAY", on));
            assertFalse(DsnNotify.wants(null, null, on));
        }
    }

    @Test
    void xtextRoundTrips() {
        assertEquals("a+2Bb+3Dc@x.org", Xtext.encode("a+b=c@x.org"));
        assertEquals("a+b=c@x.org", Xtext.decode("a+2Bb+3Dc@x.org"));
        assertEquals("caf\u00e9", Xtext.decode(Xtext.encode("caf\u00e9")));
        assertEquals("a+zz", Xtext.decode("a+zz"), "a malformed escape stays as it is");
        assertEquals("a+2", Xtext.decode("a+2"));
    }
}
