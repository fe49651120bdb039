package org.campusproctor.domain;

import java.math.BigDecimal;

/**
 * Bounds on a decimal that a person typed or sent, checked before it is rounded to its column's scale: rounding or
 * aligning a value of huge scale or exponent ({@code 1e-1000000000}, {@code 1e+1000000000}) would itself cost
 * unbounded time and memory, so such a value is refused as it is.
 */
public final class Decimals {

    /** More decimals than any column keeps, yet cheap to round. */
    static final int MAX_INPUT_SCALE = 100;

    private Decimals() {
    }

    /**
     * Refuses (400) a value with more than {@code integerDigits} digits before the point or an absurd number of
     * decimals; otherwise returns it unchanged, for the caller to round.
     */
    public static BigDecimal bounded(String what, BigDecimal value, int integerDigits, int decimals) {
        if (value.scale() > MAX_INPUT_SCALE || value.precision() - value.scale() > integerDigits) {
            throw new InvalidInputException(what + " has at most " + integerDigits + " integer and " + decimals
                    + " decimal digits");
        }
        return value;
    }
}
