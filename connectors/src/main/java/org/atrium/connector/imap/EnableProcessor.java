package org.atrium.connector.imap;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ENABLE (RFC 5161 §3.1): turns on CONDSTORE and QRESYNC (RFC 7162 §3.1, §3.2.3; QRESYNC implies CONDSTORE), and
 * UTF8=ACCEPT (RFC 6855 §3) once it is advertised. {@code * ENABLED} lists the extensions newly enabled by this
 * command; unknown or unadvertised names are ignored as §3.1 requires.
 */
public final class EnableProcessor extends BaseProcessor<EnableRequest> {

    private static final Set<String> KNOWN = Set.of(ImapContext.CONDSTORE, ImapContext.QRESYNC,
            ImapContext.UTF8_ACCEPT);

    public EnableProcessor() {
        super("ENABLE", EnableRequest.class, ImapState.AUTHENTICATED_ONLY);
    }

    @Override
    public void process(EnableRequest request, ImapContext ctx) {
        Set<String> before = ctx.enabledExtensions();
        List<String> now = new ArrayList<>();
        for (String cap : request.capabilities()) {
            // Only what is advertised: UTF8=ACCEPT is known but not offered yet, so it stays off.
            if (KNOWN.contains(cap) && ctx.capabilities().contains(cap)) {
                ctx.enable(cap);
            }
        }
        for (String cap : request.capabilities()) {
            // "ENABLE QRESYNC CONDSTORE" lists both, although QRESYNC already turned CONDSTORE on (RFC 7162 §3.2.3).
            if (ctx.enabled(cap) && !before.contains(cap) && !now.contains(cap)) {
                now.add(cap);
            }
        }
        ctx.untagged(now.isEmpty() ? "ENABLED" : "ENABLED " + String.join(" ", now));
        ctx.ok(request.tag(), "ENABLE completed");
    }
}
