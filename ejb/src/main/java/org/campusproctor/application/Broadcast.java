package org.campusproctor.application;

import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An event ({@code FrameAnalysed}, {@code AttemptChanged}) as every node receives it from the broker's
 * {@code proctor-feed} topic once its transaction committed, wherever it was recorded: what the sockets of this node
 * (proctors' feed, candidates' pages) observe. The unqualified event is the one fired inside the recording
 * transaction, on the node that recorded it only.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface Broadcast {

    /** The literal for firing. */
    final class Literal extends jakarta.enterprise.util.AnnotationLiteral<Broadcast> implements Broadcast {
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
