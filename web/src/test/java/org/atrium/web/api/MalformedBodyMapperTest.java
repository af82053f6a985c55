package org.atrium.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;

class MalformedBodyMapperTest {

    /** Stands in for an entity provider: the exception carries the provider's method in its stack trace. */
    private static final class Provider {
        ProcessingException readFrom() {
            return new ProcessingException("JSON Binding deserialization error", new IllegalStateException("EOF"));
        }

        ProcessingException writeTo() {
            return new ProcessingException("JSON Binding serialization error");
        }
    }

    @Test
    void anUnreadableRequestBodyIsTheCallersFault() {
        ApiError e = MalformedBodyMapper.error(new Provider().readFrom());
        assertEquals("INVALID", e.code());
        assertEquals("the request body is not valid JSON for this resource", e.message());
    }

    @Test
    void anAnswerThatCannotBeWrittenIsTheServers() {
        assertEquals("INTERNAL", MalformedBodyMapper.error(new Provider().writeTo()).code());
    }

    @Test
    void elsewhereIsTheServersToo() {
        assertEquals("INTERNAL", MalformedBodyMapper.error(new ProcessingException("x")).code());
    }
}
