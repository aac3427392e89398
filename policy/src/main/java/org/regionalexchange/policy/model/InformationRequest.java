package org.regionalexchange.policy.model;

import java.util.Collection;
import java.util.Set;

/**
 * One request about one person, as the officer filled it in (docs/openapi.yaml, {@code POST /api/v1/requests}) plus the
 * requester's identity that the gateway established.
 *
 * <p>Shape is checked here; substance (case reference present, justification concrete, selector
 * individualized) is checked by the policy so that a weak request is a refusal with reason codes.
 *
 * @param caseReference the requester's own case reference; blank is refused by the policy
 * @param justification free text; judged by the justification rules
 * @param categories    at least one
 */
public record InformationRequest(Requester requester, Purpose purpose, LegalBasis legalBasis, String caseReference,
                                 String justification, Set<Category> categories, Urgency urgency,
                                 SubjectSelector subject) {
    public InformationRequest {
        Require.present(requester, "requester");
        Require.present(purpose, "purpose");
        Require.present(legalBasis, "legal basis");
        Require.text(caseReference, "requester case reference", 200);
        Require.text(justification, "justification", 4000);
        categories = Require.nonEmpty(Require.enumSet(Require.present(categories, "categories"), Category.class,
                "categories"), "categories");
        Require.present(urgency, "urgency");
        Require.present(subject, "subject selector");
    }

    public static InformationRequest of(Requester requester, Purpose purpose, LegalBasis legalBasis,
                                        String caseReference, String justification,
                                        Collection<Category> categories, Urgency urgency, SubjectSelector subject) {
        return new InformationRequest(requester, purpose, legalBasis, caseReference, justification,
                Set.copyOf(Require.present(categories, "categories")), urgency, subject);
    }
}
