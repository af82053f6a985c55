package org.atrium.connector.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.atrium.connector.host.Listeners.Listener;
import org.atrium.connector.host.Listeners.Tls;
import org.junit.jupiter.api.Test;

/** Open connections counted per listener until they close; the listeners described as the host opens them. */
class SessionCountersTest {

    @Test
    void aChannelCountsUntilItClosesOnce() {
        SessionCounters c = new SessionCounters();
        EmbeddedChannel a = new EmbeddedChannel();
        EmbeddedChannel b = new EmbeddedChannel();
        EmbeddedChannel i = new EmbeddedChannel();
        c.track("smtp", a);
        c.track("smtp", b);
        c.track("imap", i);
        assertEquals(Map.of("imap", 1, "smtp", 2), c.active());
        a.close();
        a.close();
        assertEquals(Map.of("imap", 1, "smtp", 1), c.active(), "closed twice, uncounted once");
        b.close();
        i.close();
        assertEquals(Map.of("imap", 0, "smtp", 0), c.active());
    }

    private static HostSettings settings(int submission, int submissions, int imaps, int pop3s) {
        return new HostSettings("mx.test", "0.0.0.0", 25, 110, 143, imaps, pop3s, submission, submissions, false,
                1000, Path.of("/tmp"), null, "");
    }

    @Test
    void plainListenersOfferStarttlsImplicitOnesTlsFromTheStart() {
        assertEquals(List.of(new Listener("smtp", "0.0.0.0", 25, Tls.STARTTLS),
                new Listener("submission", "0.0.0.0", 587, Tls.STARTTLS),
                new Listener("submissions", "0.0.0.0", 465, Tls.IMPLICIT),
                new Listener("pop3", "0.0.0.0", 110, Tls.STARTTLS),
                new Listener("imap", "0.0.0.0", 143, Tls.STARTTLS),
                new Listener("imaps", "0.0.0.0", 993, Tls.IMPLICIT),
                new Listener("pop3s", "0.0.0.0", 995, Tls.IMPLICIT)),
                Listeners.of(settings(587, 465, 993, 995), true));
    }

    @Test
    void disabledListenersAreLeftOutAndNoContextMeansNoTls() {
        assertEquals(List.of(new Listener("smtp", "0.0.0.0", 25, Tls.NONE),
                new Listener("pop3", "0.0.0.0", 110, Tls.NONE), new Listener("imap", "0.0.0.0", 143, Tls.NONE)),
                Listeners.of(settings(0, -1, 0, 0), false));
    }

    @Test
    void configuredReadsTheSystemProperties() {
        String old = System.getProperty("atrium.smtp.port");
        System.setProperty("atrium.smtp.port", "2625");
        try {
            assertEquals(2625, Listeners.configured().get(0).port());
        } finally {
            if (old == null) {
                System.clearProperty("atrium.smtp.port");
            } else {
                System.setProperty("atrium.smtp.port", old);
            }
        }
    }
}
