package org.regionalexchange.policy.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The normalization behind the reuse rule and the near-copy alert, step by step (docs/policy.md). */
class NormalizedJustificationTest {

    @Test
    @DisplayName("case is folded, whitespace collapsed, punctuation removed")
    void foldsCaseSpacingAndPunctuation() {
        assertEquals("applicant s brother fled kunduz", NormalizedJustification.normalize(
                "  APPLICANT'S   brother -- fled\tKunduz!!! "));
        assertEquals("fullwidth text", NormalizedJustification.normalize("ｆｕｌｌｗｉｄｔｈ ＴＥＸＴ"));
    }

    @Test
    @DisplayName("numbers, dates in any form and case references become one placeholder")
    void particularsBecomeOnePlaceholder() {
        assertEquals("applicant lodged a claim in almaty on # see #", NormalizedJustification.normalize(
                "Applicant lodged a claim in Almaty on 15 January 2026; see KG-SMS-2026-0456."));
        for (String date : new String[] {"15 January 2026", "2026-01-15", "15.01.2026", "15/01/2026", "January 2026",
                "Jan. 2026", "2026", "15 января 2026", "3rd"}) {
            assertEquals("on #", NormalizedJustification.normalize("on " + date), date);
        }
        assertEquals("case # needs", NormalizedJustification.normalize("case KZ-MIGRATION-2026-0301 needs"));
        assertEquals("case # needs", NormalizedJustification.normalize("case 0301/2026 needs"));
        assertEquals("passport # issued", NormalizedJustification.normalize("passport P1234567 issued"));
        assertEquals("# children", NormalizedJustification.normalize("٣ children"), "digits of any script");
    }

    @Test
    @DisplayName("a word next to a number keeps its place: only terms with a digit in them are particulars")
    void wordsNextToNumbersStay() {
        assertEquals("claim # was refused", NormalizedJustification.normalize("claim (2024) was refused"));
        assertEquals("kg sms asked", NormalizedJustification.normalize("KG-SMS asked"));
        assertEquals("e mail", NormalizedJustification.normalize("e-mail"));
        // 'may' is also a month's name: it reads as a placeholder wherever it stands, in every text alike.
        assertEquals("we # ask", NormalizedJustification.normalize("we may ask"));
    }

    @Test
    @DisplayName("two texts that differ only in particulars have one normalized fingerprint; another name does not")
    void fingerprints() {
        JustificationFingerprint a = NormalizedJustification.fingerprint(
                "Applicant states he lodged a claim in Almaty in January 2026; case KG-SMS-2026-0456.");
        assertEquals(a, NormalizedJustification.fingerprint(
                "APPLICANT STATES HE LODGED A CLAIM IN ALMATY IN 03/2025 -- CASE KG-SMS-2025-1187"));
        assertNotEquals(a, NormalizedJustification.fingerprint(
                "Applicant states he lodged a claim in Shymkent in January 2026; case KG-SMS-2026-0456."));
        assertNotEquals(a, JustificationFingerprint.of(
                "Applicant states he lodged a claim in Almaty in January 2026; case KG-SMS-2026-0456."),
                "the fingerprint of the text as written is another value");
    }

    @Test
    @DisplayName("similarity: 1 for texts equal once normalized, high for a copy with a name changed, low for two cases")
    void similarity() {
        String original = "Mrs Sadat Noori told our interviewer that her husband was registered by the Kazakh migration"
                + " service after crossing at Korday; case KG-SMS-2026-0102 needs his status to assess family unity.";
        assertEquals(1.0, JustificationSimilarity.of(original, original.replace("0102", "0177")));
        assertTrue(JustificationSimilarity.of(original, original.replace("Sadat Noori", "Zarifa Hamidi")) > 0.7);
        assertTrue(JustificationSimilarity.of(original, "Two adults and a baby were stopped near Ak-Zhol checkpoint"
                + " holding a photocopy of a Kazakh asylum-seeker certificate. KG-BORDER-2026-0202 requests"
                + " verification of the father's certificate only.") < 0.1);
        assertEquals(Set.of("a b"), JustificationSimilarity.shingles("A, b."), "a text shorter than a shingle");
        assertEquals(1.0, JustificationSimilarity.jaccard(Set.of(), Set.of()));
    }
}
