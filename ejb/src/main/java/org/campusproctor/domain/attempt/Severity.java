package org.campusproctor.domain.attempt;

/** How much an incident weighs in the risk score (see {@link RiskScore}). */
public enum Severity {
    LOW(2), MEDIUM(5), HIGH(15), CRITICAL(30);

    private final int weight;

    Severity(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }
}
