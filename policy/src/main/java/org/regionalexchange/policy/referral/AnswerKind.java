package org.regionalexchange.policy.referral;

/** The shape of an answer to one question of the questionnaire. */
public enum AnswerKind {
    /** A date known in full, to the month or to the year ({@code 2026-10}). */
    PARTIAL_DATE(false),
    /** One country, ISO 3166-1 alpha-2. */
    COUNTRY(false),
    /** A table of stays: country, duration, means of transportation, comments (Annex 1, question 3). */
    JOURNEY(false),
    /** One of exactly two options, {@code YES} and {@code NO}. */
    YES_NO(true),
    /** Any number of the listed options. */
    ANY_OF(true);

    private final boolean coded;

    AnswerKind(boolean coded) {
        this.coded = coded;
    }

    /** Whether the answer is made of option codes (which may carry marks). */
    public boolean isCoded() {
        return coded;
    }
}
