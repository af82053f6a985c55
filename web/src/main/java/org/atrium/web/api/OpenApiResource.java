package org.atrium.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * {@code GET /api/v1/openapi.yaml}: the description of this API (OpenAPI 3.0), the checked-in
 * {@code openapi.yaml} beside this class; open without authentication, like health. OpenApiCompletenessTest fails
 * the build when a resource method is missing from it. Served as {@code application/yaml} (RFC 9512).
 */
@Path(OpenApiResource.YAML)
public class OpenApiResource {

    static final String YAML = "openapi.yaml";

    @GET
    @Produces("application/yaml")
    public Response yaml() {
        InputStream in = OpenApiResource.class.getResourceAsStream(YAML);
        if (in == null) {
            return StoreExceptionMapper.error(404, "NOT_FOUND", "no API description in this build", null);
        }
        return Response.ok(in, "application/yaml").build();
    }
}
