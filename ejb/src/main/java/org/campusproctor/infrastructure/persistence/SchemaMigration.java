package org.campusproctor.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Applies the versioned migrations of the {@code db} module at application start, before anything touches JPA.
 * The datasource is the platform default ({@code java:comp/DefaultDataSource}), which server-config points at
 * the CampusProctor database: no vendor JNDI name in the code.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource
    private DataSource dataSource;

    private volatile String schemaVersion;

    @PostConstruct
    void migrate() {
        MigrateResult result = flyway().migrate();
        schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : flyway().info().current().getVersion().getVersion();
        LOG.info(() -> "Database schema at version " + schemaVersion
                + " (" + result.migrationsExecuted + " migration(s) applied now, database " + result.database + ")");
    }

    /** The schema version the database is at (the last applied migration). */
    @jakarta.ejb.Lock(jakarta.ejb.LockType.READ)
    public String schemaVersion() {
        return schemaVersion;
    }

    private Flyway flyway() {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // SQL migrations are the same on every database; this one is not, so it is Java (V4)
                .javaMigrations(new org.campusproctor.infrastructure.persistence.migration.V4__AuditLogAppendOnly())
                .failOnMissingLocations(true)
                // The batch runtime's job repository (JBeret's on WildFly, payara-jbatch's on Payara) creates its
                // own tables in the same database when the batch environment starts, which may be before this
                // migration: a new database is then not empty when Flyway first sees it. Baseline below V1, so every
                // migration still runs on it; any other non-empty database without a schema history is still
                // refused (not ours to migrate).
                .baselineOnMigrate(holdsOnlyJobRepositoryTables())
                .baselineVersion("0")
                .load();
    }

    /**
     * The job repositories' tables, the only ones a new CampusProctor database may hold before V1: JBeret's
     * (jberet-core's DDL) and payara-jbatch's (its jsr352 DDL).
     */
    private static final java.util.Set<String> JOB_REPOSITORY_TABLES = java.util.Set.of(
            "JOB_INSTANCE", "JOB_EXECUTION", "STEP_EXECUTION", "PARTITION_EXECUTION",
            "JOBINSTANCEDATA", "EXECUTIONINSTANCEDATA", "STEPEXECUTIONINSTANCEDATA", "JOBSTATUS", "STEPSTATUS",
            "CHECKPOINTDATA");

    private boolean holdsOnlyJobRepositoryTables() {
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.ResultSet tables = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%",
                     new String[] {"TABLE"})) {
            boolean any = false;
            while (tables.next()) {
                if (!JOB_REPOSITORY_TABLES.contains(tables.getString("TABLE_NAME").toUpperCase(java.util.Locale.ROOT))) {
                    return false;
                }
                any = true;
            }
            return any;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot read the database's tables before migrating it", e);
        }
    }
}
