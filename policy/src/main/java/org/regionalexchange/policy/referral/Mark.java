package org.regionalexchange.policy.referral;

/**
 * The two marks of the Annex 1 questionnaire (seed 000, Annex 1, footnote 1). Which answer carries which mark
 * is data (the questionnaire file); what a mark means is this code, and no file can change it.
 */
public enum Mark {
    /**
     * "* (asterisk) Indicates that the person could be a refugee or a potential asylum seeker and therefore,
     * should be referred to the relevant national process. Furthermore, the person should be informed about the
     * existence of UNHCR."
     */
    ASTERISK("*", Indicator.POTENTIAL_ASYLUM_SEEKER),
    /**
     * "+ (cross) Indicates that the person could be a victim of trafficking and, therefore, the national
     * protection mechanism should be activated."
     */
    CROSS("+", Indicator.POTENTIAL_TRAFFICKING_VICTIM);

    private final String symbol;
    private final Indicator indicator;

    Mark(String symbol, Indicator indicator) {
        this.symbol = symbol;
        this.indicator = indicator;
    }

    /** {@code *} or {@code +}, as printed in Annex 1 and written in the questionnaire file. */
    public String symbol() {
        return symbol;
    }

    /** The indicator every answer with this mark raises. */
    public Indicator indicator() {
        return indicator;
    }

    public static Mark ofSymbol(String symbol) {
        for (Mark mark : values()) {
            if (mark.symbol.equals(symbol)) {
                return mark;
            }
        }
        throw new IllegalArgumentException("Unknown mark '" + symbol + "'; expected * or +");
    }
}
