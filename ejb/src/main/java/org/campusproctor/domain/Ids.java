package org.campusproctor.domain;

import java.util.UUID;

/** Application-assigned ids: String UUIDs, like every table of the schema. */
public final class Ids {
    private Ids() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
