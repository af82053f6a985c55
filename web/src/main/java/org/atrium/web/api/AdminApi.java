package org.atrium.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The versioned administration API (JSON). The console and bin/atrium use it; so can any automation. */
@ApplicationPath("/api/v1")
public class AdminApi extends Application {
}
