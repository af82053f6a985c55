package org.atrium.web.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit filter keeps the head of a changing request's entity and leaves the whole entity to the resource. */
class AuditBodyFilterTest {

    /** A request context holding only what the filter touches: method, entity stream, properties. */
    private static final class Fake {
        final Map<String, Object> properties = new HashMap<>();
        InputStream entity;
        final ContainerRequestContext ctx;

        Fake(String method, byte[] body) {
            entity = new ByteArrayInputStream(body);
            ctx = (ContainerRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ContainerRequestContext.class}, (p, m, args) -> switch (m.getName()) {
                        case "getMethod" -> method;
                        case "getEntityStream" -> entity;
                        case "setEntityStream" -> {
                            entity = (InputStream) args[0];
                            yield null;
                        }
                        case "setProperty" -> properties.put((String) args[0], args[1]);
                        case "getProperty" -> properties.get((String) args[0]);
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }

    @Test
    void aSmallBodyIsKeptWhole() throws Exception {
        byte[] body = "{\"password\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        Fake f = new Fake("PUT", body);
        new AuditBodyFilter().filter(f.ctx);
        assertArrayEquals(body, (byte[]) f.properties.get(AuditBodyFilter.BODY_PROPERTY));
        assertEquals(false, f.properties.get(AuditBodyFilter.TRUNCATED_PROPERTY));
        assertArrayEquals(body, f.entity.readAllBytes(), "the resource still reads the whole entity");
    }

    @Test
    void aLargeBodyIsKeptUpToTheCapAndStillReadWhole() throws Exception {
        byte[] body = "y".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        Fake f = new Fake("POST", body);
        new AuditBodyFilter().filter(f.ctx);
        assertEquals(AuditBodyFilter.KEPT, ((byte[]) f.properties.get(AuditBodyFilter.BODY_PROPERTY)).length);
        assertEquals(true, f.properties.get(AuditBodyFilter.TRUNCATED_PROPERTY));
        assertArrayEquals(body, f.entity.readAllBytes());
    }

    @Test
    void anEmptyBodyIsNoBody() throws Exception {
        Fake f = new Fake("DELETE", new byte[0]);
        new AuditBodyFilter().filter(f.ctx);
        assertNull(f.properties.get(AuditBodyFilter.BODY_PROPERTY));
        assertEquals(0, f.entity.readAllBytes().length);
    }

    @Test
    void readsAreLeftAlone() throws Exception {
        Fake f = new Fake("GET", "{}".getBytes(StandardCharsets.UTF_8));
        InputStream before = f.entity;
        new AuditBodyFilter().filter(f.ctx);
        assertNull(f.properties.get(AuditBodyFilter.BODY_PROPERTY));
        assertEquals(before, f.entity);
    }
}
