package org.campusproctor.it;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Flyway migrated the database at application start; JPA generated nothing. */
class SchemaMigrationIT {

    @Test
    void applicationReportsTheMigratedSchemaVersion() throws Exception {
        var status = Server.json(Server.get("/api/system/status"));
        assertEquals("UP", status.getString("status"));
        assertFalse(status.getString("schemaVersion").isBlank());
    }

    @Test
    void flywayHistoryOnPostgresqlListsEveryMigrationAsSuccessful() throws Exception {
        assumeTrue(Server.DB.equals("postgresql"), "direct database check runs on the PostgreSQL execution");
        try (Connection c = DriverManager.getConnection(System.getProperty("it.jdbc.url"),
                System.getProperty("it.jdbc.user"), System.getProperty("it.jdbc.password"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
            int rows = 0;
            String last = null;
            while (rs.next()) {
                rows++;
                assertTrue(rs.getBoolean("success"), "migration " + rs.getString("version") + " failed");
                last = rs.getString("version");
            }
            assertTrue(rows >= 1, "no migration recorded");
            assertEquals(last, Server.json(Server.get("/api/system/status")).getString("schemaVersion"));
        }
    }
}
