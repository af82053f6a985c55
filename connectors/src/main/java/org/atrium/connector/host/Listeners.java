package org.atrium.connector.host;

import java.util.ArrayList;
import java.util.List;

/**
 * The protocol listeners {@link ConnectorHost} opens, described from the same {@code atrium.*} system properties it
 * reads ({@link HostSettings}), for the status endpoint (issue #6). The plain listeners always offer STARTTLS
 * (SMTP RFC 3207, POP3 STLS RFC 2595 §4, IMAP RFC 3501 §6.2.1) since {@link ServerTls} always yields a context;
 * IMAPS, POP3S and submissions speak TLS from the first byte (RFC 8314 §3.3); a port of 0 or less disables
 * submission and the implicit-TLS listeners, and they are left out.
 */
public final class Listeners {

    /** How a listener offers TLS. */
    public enum Tls { STARTTLS, IMPLICIT, NONE }

    /** One listener: protocol name as in the logs and {@link SessionCounters}, port, and TLS. */
    public record Listener(String protocol, String address, int port, Tls tls) {
    }

    private Listeners() {
    }

    /** The listeners the current system properties configure. */
    public static List<Listener> configured() {
        return of(HostSettings.fromSystemProperties(), true);
    }

    /** @param tlsContext whether the host has a TLS context (it always has; false describes a host without) */
    static List<Listener> of(HostSettings s, boolean tlsContext) {
        Tls plain = tlsContext ? Tls.STARTTLS : Tls.NONE;
        String at = s.bindAddress();
        List<Listener> out = new ArrayList<>();
        out.add(new Listener("smtp", at, s.smtpPort(), plain));
        if (s.submissionPort() > 0) {
            out.add(new Listener("submission", at, s.submissionPort(), plain));
        }
        if (s.submissionsPort() > 0) {
            out.add(new Listener("submissions", at, s.submissionsPort(), Tls.IMPLICIT));
        }
        out.add(new Listener("pop3", at, s.pop3Port(), plain));
        out.add(new Listener("imap", at, s.imapPort(), plain));
        if (s.imapsPort() > 0) {
            out.add(new Listener("imaps", at, s.imapsPort(), Tls.IMPLICIT));
        }
        if (s.pop3sPort() > 0) {
            out.add(new Listener("pop3s", at, s.pop3sPort(), Tls.IMPLICIT));
        }
        return List.copyOf(out);
    }
}
