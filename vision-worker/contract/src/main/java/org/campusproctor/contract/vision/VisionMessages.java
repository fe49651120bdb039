package org.campusproctor.contract.vision;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;

/**
 * Writes and reads the JSON bodies of the queue messages (and the incident thresholds an exam stores) with JSON-B:
 * one binding on both sides of the queues, nothing built or parsed by hand.
 */
public final class VisionMessages {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    private VisionMessages() {
    }

    public static String toJson(Object message) {
        return JSONB.toJson(message);
    }

    /** @throws MalformedMessageException when the text is not a valid message of that type */
    public static <T> T fromJson(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new MalformedMessageException(type.getSimpleName() + ": empty body", null);
        }
        try {
            T value = JSONB.fromJson(json, type);
            if (value == null) {
                throw new MalformedMessageException(type.getSimpleName() + ": null body", null);
            }
            return value;
        } catch (JsonbException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedMessageException(type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** A message body that does not bind to its record: a producer bug, never worth a retry. */
    public static class MalformedMessageException extends RuntimeException {
        public MalformedMessageException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
