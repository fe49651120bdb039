package org.campusproctor.interfaces.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B instance for every request and response body of the API. Without a resolver, RESTEasy's JSON-B provider
 * builds a new {@link Jsonb} for each body it reads or writes, and a new instance starts with empty class-model
 * caches: under frame load (an upload's 202, the analysis reads) that was a tenth of the server's Java CPU (JFR:
 * {@code JsonBindingBuilder.build} and cold {@code toJson} under {@code ManagedJsonb}). The configuration is the
 * default that provider used; a {@link Jsonb} is thread-safe.
 */
@Provider
public class SharedJsonb implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
