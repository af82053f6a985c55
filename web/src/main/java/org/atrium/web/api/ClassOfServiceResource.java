package org.atrium.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.atrium.store.application.ClassOfServiceService;
import org.atrium.store.application.ClassOfServiceSpec;
import org.atrium.store.application.ClassOfServiceView;
import org.atrium.store.application.StoreException;

/**
 * Classes of service (issue #6, ADR 0016): profiles of quota and allowed login protocols, for administrators. The
 * body of POST and PUT is {@code {"name", "description", "quotaBytes", "quotaMessages", "quotaWarnPercent", "imap",
 * "pop3", "submission"}}; an absent quota value is not set by the profile, an absent protocol is allowed.
 */
@Path("classes-of-service")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClassOfServiceResource {

    @Inject
    ClassOfServiceService classes;

    @GET
    public List<ClassOfServiceView> list() {
        return classes.classesOfService();
    }

    @POST
    public Response add(ClassOfServiceSpec body) {
        if (body == null || body.name() == null || body.name().isBlank()) {
            throw StoreException.invalid("name", "name is required");
        }
        return Response.status(201).entity(classes.create(body)).build();
    }

    @GET
    @Path("{name}")
    public ClassOfServiceView get(@PathParam("name") String name) {
        return classes.classOfService(name).orElseThrow(() -> StoreException.notFound("no class of service " + name));
    }

    /** Replaces the settings (all of them: an absent value is unset or allowed, as on creation); no renaming. */
    @PUT
    @Path("{name}")
    public ClassOfServiceView update(@PathParam("name") String name, ClassOfServiceSpec body) {
        return classes.update(name, body);
    }

    /** 409 (field {@code name}) while users have the profile. */
    @DELETE
    @Path("{name}")
    public Response remove(@PathParam("name") String name) {
        classes.remove(name);
        return Response.noContent().build();
    }
}
