package org.atrium.store.application;

import jakarta.ejb.Local;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * DKIM for outbound mail (RFC 6376, issue #4): a key pair per hosted domain, generated when first needed, and the
 * signature the delivery agent puts on mail leaving for other servers.
 */
@Local
public interface DkimService {

    /**
     * The {@code DKIM-Signature} header field (name, value, folded, ending in CR LF) to prepend to {@code message}
     * when it leaves with a From address in {@code domain}; empty when the domain is not hosted here or signing is
     * off. Generates the domain's key on first use.
     *
     * @param message the whole message, lines ending in CR LF
     */
    Optional<String> signatureField(String domain, InputStream message) throws IOException;

    /** The domain's key (generated if there is none yet) and the DNS record to publish. @throws StoreException not found */
    DkimKeyView key(String domain);

    /** Replaces the domain's key with a new one under a new selector. @throws StoreException not found */
    DkimKeyView rotate(String domain);
}
