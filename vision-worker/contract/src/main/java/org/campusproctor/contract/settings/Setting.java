package org.campusproctor.contract.settings;

import java.util.Objects;
import java.util.function.Function;

/**
 * One server setting: a system property with its name, default, validation and meaning. The value is read and
 * validated once, at first use; a bad value fails that first use with a message naming the property, never later.
 *
 * @param <T> the type of the value
 */
public final class Setting<T> {

    /** Who reads a setting: the application at run time, or only the server-config scripts at install time. */
    public enum Scope { APPLICATION, SERVER_CONFIG }

    private final String name;
    private final String defaultText;
    private final String description;
    private final Scope scope;
    private final Function<String, T> parser;
    private volatile Holder<T> value;

    private record Holder<T>(T value) {
    }

    Setting(String name, String defaultText, String description, Scope scope, Function<String, T> parser) {
        this.name = Objects.requireNonNull(name);
        this.defaultText = Objects.requireNonNull(defaultText);
        this.description = Objects.requireNonNull(description);
        this.scope = scope;
        this.parser = parser;
    }

    public String name() {
        return name;
    }

    /** The default as written in campusproctor.properties (may name server paths such as jboss.server.data.dir). */
    public String defaultText() {
        return defaultText;
    }

    public String description() {
        return description;
    }

    public Scope scope() {
        return scope;
    }

    /** The value in force: the system property if set, else the default; parsed and validated once. */
    public T value() {
        Holder<T> v = value;
        if (v == null) {
            synchronized (this) {
                if (value == null) {
                    value = new Holder<>(parse(System.getProperty(name)));
                }
                v = value;
            }
        }
        return v.value();
    }

    /** Parses a value as this setting would (null or blank = the default). */
    public T parse(String text) {
        if (parser == null) {
            throw new IllegalStateException(name + " is read by the server-config scripts, not by the application");
        }
        String t = text == null || text.isBlank() ? defaultText : text.trim();
        try {
            return parser.apply(t);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid value '" + t + "' for " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name + "=" + defaultText;
    }
}
