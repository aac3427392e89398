package org.regionalexchange.policy;

import java.util.regex.Pattern;
import org.regionalexchange.policy.model.BirthDate;
import org.regionalexchange.policy.model.SubjectSelector;

/**
 * A request names exactly one person (seed 000 §8.5: "any data request or sharing of data should be
 * specific and individualized"). Wildcards, lists, empty or initial-only names and anything but one exact
 * (possibly partial) date of birth are refused. The holder re-checks: it never trusts the sender.
 */
final class IndividualizationRule {
    /** The record reference shape of {@code common.json#/$defs/reference}: no wildcard or list character fits. */
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/._-]{0,63}");
    /** Wildcards of shells, SQL and regular expressions, and list separators. */
    private static final Pattern NAME_FORBIDDEN = Pattern.compile("[*?%_,;|/\\\\&+\\[\\]{}()<>\"=~^$\\p{Cntrl}]");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern DOCUMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{0,39}");

    private IndividualizationRule() {
    }

    static boolean isIndividualized(SubjectSelector selector) {
        if (selector instanceof SubjectSelector.RecordReference reference) {
            return REFERENCE.matcher(reference.holderRecordRef()).matches();
        }
        SubjectSelector.IdentityQuery query = (SubjectSelector.IdentityQuery) selector;
        return isOneName(query.familyName()) && isOneName(query.givenNames())
                && BirthDate.tryParse(query.dateOfBirth()).isPresent()
                && query.documentNumber().map(n -> DOCUMENT.matcher(n).matches()).orElse(true);
    }

    /** Not blank, no wildcard or separator, and at least two letters (an initial alone is a partial search). */
    private static boolean isOneName(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || NAME_FORBIDDEN.matcher(trimmed).find()) {
            return false;
        }
        return LETTER.matcher(trimmed).results().limit(2).count() >= 2;
    }
}
