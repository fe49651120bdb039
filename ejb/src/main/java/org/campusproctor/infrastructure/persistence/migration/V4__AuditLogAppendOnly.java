package org.campusproctor.infrastructure.persistence.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/**
 * Makes the audit log and the attempt timelines append-only in the database itself, where the database can do it:
 * on PostgreSQL, triggers refuse UPDATE, DELETE and TRUNCATE for every user of the application's connection. On H2
 * (the quick-start database) triggers would have to be Java classes on H2's own class path, so there the guarantee
 * is the application's: non-updatable mappings and no update or delete path in the code.
 * A Java migration because the SQL differs per database; registered explicitly by SchemaMigration (not scanned).
 */
public class V4__AuditLogAppendOnly extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!product.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("CREATE FUNCTION refuse_change_of_append_only_table() RETURNS trigger AS $$ "
                    + "BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END; $$ LANGUAGE plpgsql");
            for (String table : new String[]{"audit_log", "attempt_timeline"}) {
                s.execute("CREATE TRIGGER " + table + "_no_change BEFORE UPDATE OR DELETE ON " + table
                        + " FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only_table()");
                s.execute("CREATE TRIGGER " + table + "_no_truncate BEFORE TRUNCATE ON " + table
                        + " FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_append_only_table()");
            }
        }
    }
}
