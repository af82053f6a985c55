package org.atrium.web.api;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * A request body the JSON binding cannot read (not JSON, RFC 8259, or the wrong shape for the resource) is the
 * caller's fault: 400 {@code INVALID} with an {@link ApiError} body like every other refusal, instead of the
 * container's bare 400. The JAX-RS runtime hands such failures over wrapped, as a {@link ProcessingException} thrown
 * by the entity provider's {@code readFrom}; the same exception thrown while writing an answer stays a server error
 * (500 {@code INTERNAL}).
 */
@Provider
public class MalformedBodyMapper implements ExceptionMapper<ProcessingException> {

    private static final Logger LOG = System.getLogger(MalformedBodyMapper.class.getName());

    @Override
    public Response toResponse(ProcessingException e) {
        ApiError error = error(e);
        if (error.code().equals("INTERNAL")) {
            LOG.log(Level.ERROR, "answer not written", e);
        }
        return StoreExceptionMapper.error(error.code().equals("INVALID") ? 400 : 500, error.code(), error.message(),
                null);
    }

    /** The error to answer: {@code INVALID} (400) for a body that could not be read, else {@code INTERNAL} (500). */
    static ApiError error(ProcessingException e) {
        return whileReading(e) ? new ApiError("INVALID", "the request body is not valid JSON for this resource", null)
                : new ApiError("INTERNAL", "internal error; see the server log", null);
    }

    /** Whether the exception was raised while a message body reader read the request entity. */
    static boolean whileReading(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getMethodName().equals("readFrom")) {
                return true;
            }
            if (frame.getMethodName().equals("writeTo")) {
                return false;
            }
        }
        return false;
    }
}
