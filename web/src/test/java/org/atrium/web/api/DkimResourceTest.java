package org.atrium.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.atrium.store.application.DkimKeyView;
import org.atrium.store.application.DkimService;
import org.junit.jupiter.api.Test;

/** The DKIM resource hands the domain to the service and sits beside {@link DomainResource} (ADR 0013). */
class DkimResourceTest {

    private final List<String> calls = new ArrayList<>();

    private DkimResource resource() {
        DkimResource r = new DkimResource();
        r.request = TestRequests.globalAdmin();
        r.dkim = new DkimService() {
            @Override
            public Optional<String> signatureField(String domain, InputStream message) {
                throw new AssertionError("not used by the API");
            }

            @Override
            public DkimKeyView key(String domain) {
                calls.add("key " + domain);
                return view(domain, "atrium202612");
            }

            @Override
            public DkimKeyView rotate(String domain) {
                calls.add("rotate " + domain);
                return view(domain, "atrium202612-2");
            }
        };
        return r;
    }

    private static DkimKeyView view(String domain, String selector) {
        return new DkimKeyView(domain, selector, selector + "._domainkey." + domain, "v=DKIM1; k=rsa; p=AAAA",
                Instant.EPOCH);
    }

    @Test
    void getAndRotateGoToTheService() {
        assertEquals("atrium202612", resource().get("atrium.test").selector());
        assertEquals("atrium202612-2._domainkey.atrium.test", resource().rotate("atrium.test").recordName());
        assertEquals(List.of("key atrium.test", "rotate atrium.test"), calls);
    }

    @Test
    void pathsAreTheOnesTheCliAndTheItUse() throws Exception {
        assertEquals("domains/{name}/dkim", DkimResource.class.getAnnotation(Path.class).value());
        assertNotNull(DkimResource.class.getMethod("get", String.class).getAnnotation(GET.class));
        assertNull(DkimResource.class.getMethod("get", String.class).getAnnotation(Path.class));
        assertNotNull(DkimResource.class.getMethod("rotate", String.class).getAnnotation(POST.class));
        assertEquals("rotate", DkimResource.class.getMethod("rotate", String.class).getAnnotation(Path.class).value());
        // DomainResource must not claim the same sub-path, or the two classes would compete (Jakarta REST §3.7.2).
        for (var m : DomainResource.class.getMethods()) {
            Path p = m.getAnnotation(Path.class);
            if (p != null) {
                assertEquals(false, p.value().startsWith("{name}/dkim"), m.toString());
            }
        }
    }
}
