package org.atrium.store.infrastructure.directory.ldap;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Starts the GAL ({@link GalProjection}) with the application, once the schema and the demo data are in place. */
@Singleton
@Startup
@DependsOn("StoreBootstrap")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GalPublisher {

    @Inject
    GalProjection projection;

    @PostConstruct
    void start() {
        projection.start();
    }
}
