package org.atrium.web.api;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.atrium.store.application.StoreException;

/** Maps a store refusal to HTTP: 400 invalid, 404 not found, 409 conflict, 403 forbidden, with a JSON body. */
@Provider
public class StoreExceptionMapper implements ExceptionMapper<StoreException> {

    @Override
    public Response toResponse(StoreException e) {
        int status = switch (e.code()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
        };
        return error(status, e.code().name(), e.getMessage(), e.field());
    }

    static Response error(int status, String code, String message, String field) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(code, message, field)).build();
    }

    /** EJBs wrap unexpected failures; unwrap a StoreException if that is what it was. */
    @Provider
    public static class EjbExceptionMapper implements ExceptionMapper<EJBException> {
        @Override
        public Response toResponse(EJBException e) {
            Throwable c = e.getCause();
            while (c != null && !(c instanceof StoreException)) {
                c = c.getCause();
            }
            if (c instanceof StoreException se) {
                return new StoreExceptionMapper().toResponse(se);
            }
            return error(500, "INTERNAL", "internal error; see the server log", null);
        }
    }
}
