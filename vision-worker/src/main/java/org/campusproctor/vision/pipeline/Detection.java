package org.campusproctor.vision.pipeline;

/** What non-maximum suppression needs of a detector's candidate: its box in image pixels and its score. */
public interface Detection {

    Box box();

    double score();
}
