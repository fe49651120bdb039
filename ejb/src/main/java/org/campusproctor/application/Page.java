package org.campusproctor.application;

import org.campusproctor.domain.InvalidInputException;

import java.util.List;
import java.util.Locale;

/** One page of a list read on the server, with the total count of what matched. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public static final int MAX_SIZE = 200;

    /** @throws InvalidInputException unless page ≥ 0 and size 1..{@value #MAX_SIZE} */
    public static void check(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE || (long) page * size > Integer.MAX_VALUE) {
            throw new InvalidInputException("page must be ≥ 0 and size 1.." + MAX_SIZE);
        }
    }

    /** A case-insensitive "contains" pattern for JPQL LIKE ... ESCAPE '\', or "%" for no query. */
    public static String contains(String query) {
        if (query == null || query.isBlank()) {
            return "%";
        }
        if (query.length() > 200) {
            throw new InvalidInputException("A search is at most 200 characters");
        }
        String escaped = query.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
