package org.campusproctor.it;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Logins are audited with their origin; on PostgreSQL the database itself refuses to change the audit log. */
class AuditLogIT {

    @Test
    void loginsAndFailedLoginsAreAudited() throws Exception {
        Client.anonymous().post("/api/session", jakarta.json.Json.createObjectBuilder()
                .add("username", "registrar").add("password", "not-the-password").build());
        Client.demo("registrar");
        var entries = Server.jsonArray(Scenario.admin().get("/api/audit?limit=200")).stream().map(JsonValue::asJsonObject).toList();
        assertTrue(entries.stream().anyMatch(e -> e.getString("action").equals("LOGIN_FAILED") && e.getString("actor").equals("registrar")
                && !e.isNull("origin")), entries.toString());
        assertTrue(entries.stream().anyMatch(e -> e.getString("action").equals("LOGIN") && e.getString("actor").equals("registrar")));
    }

    @Test
    void postgresqlRefusesUpdatesAndDeletesOfTheAuditLog() throws Exception {
        assumeTrue(Server.DB.equals("postgresql"), "database triggers exist on PostgreSQL");
        Client.demo("proctor"); // at least one entry
        try (Connection c = DriverManager.getConnection(System.getProperty("it.jdbc.url"),
                System.getProperty("it.jdbc.user"), System.getProperty("it.jdbc.password"));
             Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE audit_log SET actor = 'someone-else'"));
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM audit_log"));
            assertThrows(SQLException.class, () -> s.executeUpdate("TRUNCATE audit_log"));
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM attempt_timeline"));
        }
    }
}
