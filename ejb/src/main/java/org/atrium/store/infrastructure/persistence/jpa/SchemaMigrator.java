package org.atrium.store.infrastructure.persistence.jpa;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import javax.sql.DataSource;
import org.atrium.store.application.Settings;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to the current version (db/migration, the same scripts on H2 and PostgreSQL) before
 * anything else of the store starts. Bean-managed transactions: Flyway commits each migration itself.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

    private static final Logger LOG = System.getLogger("org.atrium.store.schema");

    @Resource(lookup = "java:jboss/datasources/AtriumDS")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        var config = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .baselineOnMigrate(false);
        String schema = Settings.get("atrium.db.schema", null);
        if (schema != null) {
            config = config.schemas(schema).createSchemas(true);
        }
        MigrateResult result = config.load().migrate();
        LOG.log(Level.INFO, "schema: {0} migration(s) applied, now at version {1} ({2})", result.migrationsExecuted,
                result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                result.database);
    }
}
