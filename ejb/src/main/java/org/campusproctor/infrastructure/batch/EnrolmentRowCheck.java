package org.campusproctor.infrastructure.batch;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.campusproctor.application.EnrolmentImport.Row;

import java.util.Map;
import java.util.regex.Pattern;

/** Checks a CSV record's format (no database): what passes is a row for the import, what fails a rejected row. */
@Named("enrolmentRowCheck")
@Dependent
public class EnrolmentRowCheck implements ItemProcessor {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,100}");
    static final Pattern EXAM_ID = Pattern.compile("[A-Za-z0-9-]{1,36}");
    static final Pattern PHOTO = Pattern.compile("[A-Za-z0-9._/ -]{1,200}");
    static final long MAX_EXTRA_MINUTES = 24 * 60;

    @Override
    public Object processItem(Object item) {
        if (item instanceof Row row) {
            return row; // already rejected by the reader
        }
        return check((EnrolmentCsv.Record) item);
    }

    static Row check(EnrolmentCsv.Record record) {
        long line = record.line();
        Map<String, String> v = record.values();
        String username = v.get("username");
        if (record.malformed() != null) {
            return Row.rejected(line, username, record.malformed());
        }
        if (username == null || !USERNAME.matcher(username).matches()) {
            return Row.rejected(line, cut(username), "username must be 3..100 of A-Z a-z 0-9 . _ @ -");
        }
        String displayName = v.get("displayName");
        if (displayName == null || displayName.length() > 200 || displayName.chars().anyMatch(Character::isISOControl)) {
            return Row.rejected(line, username, "displayName is required, at most 200 characters, no control characters");
        }
        String exam = v.get("exam");
        if (exam == null || !EXAM_ID.matcher(exam).matches()) {
            return Row.rejected(line, username, "exam must be an exam id");
        }
        long extra = 0;
        String minutes = v.get("extraTimeMinutes");
        if (minutes != null) {
            try {
                extra = Long.parseLong(minutes);
            } catch (NumberFormatException e) {
                return Row.rejected(line, username, "extraTimeMinutes is not a whole number: " + cut(minutes));
            }
            if (extra < 0 || extra > MAX_EXTRA_MINUTES) {
                return Row.rejected(line, username, "extraTimeMinutes must be 0.." + MAX_EXTRA_MINUTES);
            }
        }
        String accommodations = v.get("accommodations");
        if (accommodations != null && (accommodations.length() > 1000
                || accommodations.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t'))) {
            return Row.rejected(line, username, "accommodations are at most 1000 characters, no control characters");
        }
        String photo = v.get("photo");
        if (photo != null && (!PHOTO.matcher(photo).matches() || photo.contains(".."))) {
            return Row.rejected(line, username, "photo must be a file name in the photos archive");
        }
        return new Row(line, username, displayName, exam, extra, accommodations, photo, null);
    }

    private static String cut(String s) {
        return s == null || s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
