package org.campusproctor.infrastructure.batch;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The enrolment CSV (UTF-8, comma separated, a header row): columns {@code username}, {@code displayName},
 * {@code exam} (the exam's id) required; {@code extraTimeMinutes}, {@code accommodations}, {@code photo} (a file name in
 * the photos zip) optional; column names in any case and order. Reads it record by record with the file line each
 * starts on; a record after which the file cannot be parsed any further (an unclosed quote) is the last one.
 */
public final class EnrolmentCsv implements Iterator<EnrolmentCsv.Record> {

    public static final List<String> REQUIRED = List.of("username", "displayName", "exam");
    public static final List<String> OPTIONAL = List.of("extraTimeMinutes", "accommodations", "photo");

    /** One record: its first line, its values by column (canonical names), or why it cannot be read. */
    public record Record(long line, Map<String, String> values, String malformed) {
    }

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<String, String> columns = new HashMap<>(); // canonical name -> header as written
    private final int width;
    private long nextLine;
    private boolean broken;

    /**
     * @throws IllegalArgumentException when the bytes are not UTF-8 or the header lacks a required column
     */
    public EnrolmentCsv(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("The CSV file is not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                    .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get().parse(new StringReader(text));
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The CSV header cannot be read: " + e.getMessage());
        }
        List<String> header = parser.getHeaderNames();
        for (String name : header) {
            for (String known : concat(REQUIRED, OPTIONAL)) {
                if (known.toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) {
                    columns.put(known, name);
                }
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("The CSV header lacks the column(s) " + missing + "; it has " + header);
        }
        width = header.size();
        records = parser.iterator();
        nextLine = parser.getCurrentLineNumber() + 1;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Override
    public boolean hasNext() {
        if (broken) {
            return false;
        }
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            broken = true;
            pendingFault = e.getMessage();
            return true;
        }
    }

    private String pendingFault;

    @Override
    public Record next() {
        if (pendingFault != null) {
            String fault = pendingFault;
            pendingFault = null;
            return new Record(nextLine, Map.of(), "malformed CSV (" + fault + "); the rest of the file is not read");
        }
        if (broken) {
            throw new NoSuchElementException();
        }
        CSVRecord record;
        try {
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            broken = true;
            return new Record(nextLine, Map.of(), "malformed CSV (" + e.getMessage() + "); the rest of the file is not read");
        }
        // The line it starts on: after the previous record, past any empty lines, less the line breaks inside its values
        long embedded = record.stream().mapToLong(v -> v.chars().filter(c -> c == '\n').count()).sum();
        long line = Math.max(nextLine, parser.getCurrentLineNumber() - embedded);
        nextLine = Math.max(line + embedded, parser.getCurrentLineNumber()) + 1;
        if (record.size() != width) {
            return new Record(line, Map.of(), "expected " + width + " columns, found " + record.size());
        }
        Map<String, String> values = new HashMap<>();
        columns.forEach((canonical, header) -> {
            String v = record.get(header);
            if (v != null && !v.isEmpty()) {
                values.put(canonical, v);
            }
        });
        return new Record(line, values, null);
    }
}
