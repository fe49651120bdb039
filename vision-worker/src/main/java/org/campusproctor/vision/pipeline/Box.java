package org.campusproctor.vision.pipeline;

/** Axis-aligned box in image pixels. */
public record Box(double x, double y, double width, double height) {

    public double cx() {
        return x + width / 2;
    }

    public double cy() {
        return y + height / 2;
    }

    public double area() {
        return Math.max(0, width) * Math.max(0, height);
    }

    public double iou(Box o) {
        double ix = Math.min(x + width, o.x + o.width) - Math.max(x, o.x);
        double iy = Math.min(y + height, o.y + o.height) - Math.max(y, o.y);
        if (ix <= 0 || iy <= 0) {
            return 0;
        }
        double inter = ix * iy;
        return inter / (area() + o.area() - inter);
    }
}
