package org.campusproctor.infrastructure.batch;

import org.campusproctor.application.EnrolmentImport.Row;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The enrolment CSV's records, with the file line each starts on, and the format checks of a row. */
class EnrolmentCsvTest {

    private static List<EnrolmentCsv.Record> read(String text) {
        List<EnrolmentCsv.Record> records = new ArrayList<>();
        for (EnrolmentCsv csv = new EnrolmentCsv(text.getBytes(StandardCharsets.UTF_8)); csv.hasNext(); ) {
            records.add(csv.next());
        }
        return records;
    }

    @Test
    void recordsCarryTheLineTheyStartOn() {
        List<EnrolmentCsv.Record> r = read("Username,displayName,exam,extraTimeMinutes\n"
                + "ann,Ann A,e1,10\n"
                + "\n"
                + "bob,\"Bob\nB\",e1,\n"
                + "cy,Cy,e1\n"
                + "dee,Dee,e2,0");
        assertEquals(4, r.size());
        assertEquals(List.of(2L, 4L, 6L, 7L), r.stream().map(EnrolmentCsv.Record::line).toList());
        assertEquals("ann", r.get(0).values().get("username"));
        assertEquals("10", r.get(0).values().get("extraTimeMinutes"));
        assertNull(r.get(1).values().get("extraTimeMinutes"));
        assertTrue(r.get(2).malformed().contains("expected 4 columns"), r.get(2).malformed());
        assertNull(r.get(3).malformed());
    }

    @Test
    void anUnclosedQuoteEndsTheFileWithAMalformedRecord() {
        List<EnrolmentCsv.Record> r = read("username,displayName,exam\nann,Ann,e1\nbob,\"Bob,e1\ncy,Cy,e1\n");
        assertEquals("ann", r.get(0).values().get("username"));
        assertTrue(r.get(r.size() - 1).malformed().startsWith("malformed CSV"), r.toString());
    }

    @Test
    void headerMustNameTheRequiredColumns() {
        assertThrows(IllegalArgumentException.class, () -> read("username,exam\nann,e1\n"));
        assertThrows(IllegalArgumentException.class, () -> new EnrolmentCsv(new byte[]{(byte) 0xC3, (byte) 0x28}));
    }

    @Test
    void rowChecks() {
        List<EnrolmentCsv.Record> r = read("username,displayName,exam,extraTimeMinutes,photo\n"
                + "ann,Ann,e1,15,ann.jpg\n"
                + "x,Short,e1,,\n"
                + "bob,Bob,e1,abc,\n"
                + "cy,Cy,e1,-5,\n"
                + "dee,,e1,,\n"
                + "eve,Eve,e1,,../etc/passwd\n");
        Row ok = EnrolmentRowCheck.check(r.get(0));
        assertNull(ok.rejectReason());
        assertEquals(15, ok.extraTimeMinutes());
        assertEquals("ann.jpg", ok.photo());
        for (int i = 1; i < r.size(); i++) {
            assertTrue(EnrolmentRowCheck.check(r.get(i)).rejectReason() != null, r.get(i).toString());
        }
    }
}
