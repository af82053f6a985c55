package org.atrium.connector.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (state, command) pair: the expected validity is written out here, independently of {@link SmtpState}, and
 * checked both against the enum and against a live session driven into that state (RFC 5321 §4.1.4, §3.3).
 */
class SmtpStateTableTest {

    private static final Set<SmtpVerb> ANY_TIME =
            EnumSet.of(SmtpVerb.RSET, SmtpVerb.NOOP, SmtpVerb.QUIT, SmtpVerb.HELP, SmtpVerb.VRFY, SmtpVerb.EXPN);

    private static final Map<SmtpState, Set<SmtpVerb>> EXPECTED = Map.of(
            SmtpState.CONNECTED, union(ANY_TIME, SmtpVerb.EHLO, SmtpVerb.HELO),
            SmtpState.GREETED, union(ANY_TIME, SmtpVerb.EHLO, SmtpVerb.HELO, SmtpVerb.MAIL, SmtpVerb.STARTTLS,
                    SmtpVerb.AUTH),
            SmtpState.MAIL, union(ANY_TIME, SmtpVerb.EHLO, SmtpVerb.HELO, SmtpVerb.RCPT),
            SmtpState.RCPT, union(ANY_TIME, SmtpVerb.EHLO, SmtpVerb.HELO, SmtpVerb.RCPT, SmtpVerb.DATA),
            SmtpState.DATA, EnumSet.noneOf(SmtpVerb.class),
            SmtpState.CLOSED, EnumSet.noneOf(SmtpVerb.class));

    private static final Map<SmtpVerb, String> SAMPLE = Map.ofEntries(
            Map.entry(SmtpVerb.EHLO, "EHLO c.test"), Map.entry(SmtpVerb.HELO, "HELO c.test"),
            Map.entry(SmtpVerb.MAIL, "MAIL FROM:<a@example.org>"), Map.entry(SmtpVerb.RCPT, "RCPT TO:<bob@atrium.test>"),
            Map.entry(SmtpVerb.DATA, "DATA"), Map.entry(SmtpVerb.RSET, "RSET"), Map.entry(SmtpVerb.NOOP, "NOOP"),
            Map.entry(SmtpVerb.QUIT, "QUIT"), Map.entry(SmtpVerb.HELP, "HELP"), Map.entry(SmtpVerb.VRFY, "VRFY bob"),
            Map.entry(SmtpVerb.EXPN, "EXPN staff"), Map.entry(SmtpVerb.STARTTLS, "STARTTLS"),
            Map.entry(SmtpVerb.AUTH, "AUTH PLAIN AGFsaWNlAHNlY3JldA=="));

    @TempDir
    Path spool;

    private static Set<SmtpVerb> union(Set<SmtpVerb> base, SmtpVerb... more) {
        Set<SmtpVerb> s = EnumSet.copyOf(base);
        s.addAll(List.of(more));
        return s;
    }

    static Stream<Arguments> pairs() {
        List<Arguments> out = new ArrayList<>();
        for (SmtpState state : SmtpState.values()) {
            for (SmtpVerb verb : SmtpVerb.values()) {
                out.add(Arguments.of(state, verb));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pairs")
    void replyClassMatchesTable(SmtpState state, SmtpVerb verb) {
        boolean valid = EXPECTED.get(state).contains(verb);
        assertEquals(valid, state.allows(verb), "SmtpState declaration");

        SmtpHarness h = new SmtpHarness(SmtpHarness.settings(spool));
        driveTo(h, state);
        assertEquals(state, h.session.state());
        h.replies();
        h.send(SAMPLE.get(verb));
        List<String> replies = h.replies();
        switch (state) {
            case DATA -> {
                assertTrue(replies.isEmpty(), "in DATA a command line is content");
                assertEquals(SmtpState.DATA, h.session.state());
            }
            case CLOSED -> assertTrue(replies.isEmpty(), "nothing is answered after close");
            default -> {
                String last = replies.get(replies.size() - 1);
                if (valid) {
                    assertFalse(last.startsWith("503"), last);
                    // EXPN is valid everywhere but not implemented (502 5.5.1, see ExpnCommand); STARTTLS is valid
                    // after EHLO but this harness's listener has no TLS (502 5.5.1, see StartTlsCommand); AUTH is
                    // valid after EHLO but this is the MX listener, which offers none (502 5.5.1, see AuthCommand).
                    boolean notImplemented = verb == SmtpVerb.EXPN || verb == SmtpVerb.STARTTLS
                            || verb == SmtpVerb.AUTH;
                    String expected = notImplemented ? "502" : "2 or 3xx";
                    assertTrue(notImplemented ? last.startsWith("502 5.5.1") : last.charAt(0) < '4',
                            "expected " + expected + ": " + last);
                } else {
                    assertEquals(List.of("503 5.5.1"), List.of(last.substring(0, 9)), last);
                }
            }
        }
    }

    private static void driveTo(SmtpHarness h, SmtpState state) {
        switch (state) {
            case CONNECTED -> { }
            case GREETED -> h.send("EHLO c.test");
            case MAIL -> h.send("EHLO c.test", "MAIL FROM:<a@example.org>");
            case RCPT -> h.send("EHLO c.test", "MAIL FROM:<a@example.org>", "RCPT TO:<alice@atrium.test>");
            case DATA -> h.send("EHLO c.test", "MAIL FROM:<a@example.org>", "RCPT TO:<alice@atrium.test>", "DATA");
            case CLOSED -> h.send("QUIT");
        }
    }

    @ParameterizedTest
    @MethodSource("transitions")
    void transitions(SmtpState from, SmtpState to, boolean allowed) {
        assertEquals(allowed, from.canMoveTo(to));
    }

    static Stream<Arguments> transitions() {
        Map<SmtpState, Set<SmtpState>> next = Map.of(
                SmtpState.CONNECTED, EnumSet.of(SmtpState.CONNECTED, SmtpState.GREETED, SmtpState.CLOSED),
                SmtpState.GREETED, EnumSet.of(SmtpState.CONNECTED, SmtpState.GREETED, SmtpState.MAIL,
                        SmtpState.CLOSED),
                SmtpState.MAIL, EnumSet.of(SmtpState.GREETED, SmtpState.MAIL, SmtpState.RCPT, SmtpState.CLOSED),
                SmtpState.RCPT, EnumSet.of(SmtpState.GREETED, SmtpState.RCPT, SmtpState.DATA, SmtpState.CLOSED),
                SmtpState.DATA, EnumSet.of(SmtpState.GREETED, SmtpState.CLOSED),
                SmtpState.CLOSED, EnumSet.of(SmtpState.CLOSED));
        List<Arguments> out = new ArrayList<>();
        for (SmtpState from : SmtpState.values()) {
            for (SmtpState to : SmtpState.values()) {
                out.add(Arguments.of(from, to, next.get(from).contains(to)));
            }
        }
        return out.stream();
    }
}
