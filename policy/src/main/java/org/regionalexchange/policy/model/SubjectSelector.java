package org.regionalexchange.policy.model;

import java.util.Optional;

/**
 * How a request names its one subject: by the holder's record reference, or by identity attributes.
 *
 * <p>The factories check only shape (present, bounded length). Whether the selector really names one
 * person (no wildcards, lists or empty names) is a policy rule, so that a bad selector yields a refusal
 * with reason {@code not_individualized} rather than an exception.
 */
public sealed interface SubjectSelector permits SubjectSelector.RecordReference, SubjectSelector.IdentityQuery {

    /** The holder's own record reference, e.g. {@code KZ-2026-000123}. */
    record RecordReference(String holderRecordRef) implements SubjectSelector {
        public RecordReference {
            Require.text(holderRecordRef, "holder record reference", 200);
        }
    }

    /**
     * Identity attributes; family name, given names and date of birth (full or partial) are all required.
     *
     * @param nationality optional; if it equals the requester's country the request is answered
     *                    {@code NOT_AVAILABLE} without any lookup
     */
    record IdentityQuery(String familyName, String givenNames, String dateOfBirth, Optional<CountryCode> nationality,
                         Optional<String> documentNumber) implements SubjectSelector {
        public IdentityQuery {
            Require.text(familyName, "family name", 200);
            Require.text(givenNames, "given names", 200);
            Require.text(dateOfBirth, "date of birth", 40);
            Require.present(nationality, "nationality (use Optional.empty())");
            Require.present(documentNumber, "document number (use Optional.empty())");
            documentNumber.ifPresent(number -> Require.text(number, "document number", 40));
        }
    }
}
