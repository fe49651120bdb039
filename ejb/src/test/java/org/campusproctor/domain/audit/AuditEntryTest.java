package org.campusproctor.domain.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No audit field can start a line of its own, in the table or in the log. */
class AuditEntryTest {

    @Test
    void controlCharactersAreEscapedInEveryField() {
        AuditEntry entry = new AuditEntry("id", Instant.EPOCH, "eve\nAUDIT admin LOGIN", "LOGIN\r\nFAILED", "acc\tount",
                "x\u0000y", "detail \u2028 \u202e \u0085 \u001b[31m", "10.0.0.1\n");
        assertEquals("eve\\nAUDIT admin LOGIN", entry.actor());
        assertEquals("LOGIN\\r\\nFAILED", entry.action());
        assertEquals("acc\\tount", entry.targetType());
        assertEquals("x\\u0000y", entry.targetId());
        assertEquals("detail \\u2028 \\u202e \\u0085 \\u001b[31m", entry.detail());
        assertEquals("10.0.0.1\\n", entry.origin());
        String line = entry.logLine();
        assertTrue(line.chars().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR), line);
        assertEquals(1, line.lines().count());
    }

    @Test
    void backslashesAreDoubledSoEscapesAreUnambiguous() {
        AuditEntry entry = new AuditEntry("id", Instant.EPOCH, "a\\nb", "ACTION", null, null, null, null);
        assertEquals("a\\\\nb", entry.actor(), "a typed backslash-n is not a newline");
        assertNull(entry.detail());
        assertEquals("ACTION", entry.action());
    }

    @Test
    void plainTextAndUnicodeAreKeptAndEveryFieldFitsItsColumn() {
        AuditEntry plain = new AuditEntry("id", Instant.EPOCH, "zoë", "LOGIN", "account", "zoë", "Prüfung: 3/4 ✓", "::1");
        assertEquals("zoë", plain.actor());
        assertEquals("Prüfung: 3/4 ✓", plain.detail());
        AuditEntry huge = new AuditEntry("id", Instant.EPOCH, "\n".repeat(500), "\n".repeat(500), "\n".repeat(500),
                "\n".repeat(500), "\u0001".repeat(5000), "\n".repeat(500));
        assertEquals(100, huge.actor().length());
        assertEquals(64, huge.action().length());
        assertEquals(32, huge.targetType().length());
        assertEquals(100, huge.targetId().length());
        assertEquals(2000, huge.detail().length());
        assertEquals(100, huge.origin().length());
        assertFalse(huge.logLine().contains("\n"));
    }
}
