package org.regionalexchange.gateway.audit;

import java.util.List;
import java.util.UUID;

/**
 * What an access-log event of an exchange adds (docs/design.md §9): the request, the other party,
 * the holder agency concerned, purpose, justification, the categories released and the digests of
 * the signed envelopes. Any field may be null where it does not apply.
 *
 * @param counterpartNode  requester side: the holder node; holder side: the requester node
 * @param counterpartParty that node's country (ISO 3166-1 alpha-2) or organization (e.g. {@code UNHCR})
 * @param categories       the categories released (holder side) or requested (requester side)
 * @param justification    the officer's justification text: personal data, kept in the access log only
 */
public record ExchangeDetail(UUID requestId, String counterpartNode, String counterpartParty, String holderAgency,
        String purpose, List<String> categories, String justification, String justificationFingerprint,
        String requestDigest, String responseDigest) {

    public ExchangeDetail {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** The same detail with the response's digest. */
    public ExchangeDetail withResponseDigest(String digest) {
        return new ExchangeDetail(requestId, counterpartNode, counterpartParty, holderAgency, purpose, categories,
                justification, justificationFingerprint, requestDigest, digest);
    }

    /** The same detail with the categories actually released. */
    public ExchangeDetail withCategories(List<String> released) {
        return new ExchangeDetail(requestId, counterpartNode, counterpartParty, holderAgency, purpose, released,
                justification, justificationFingerprint, requestDigest, responseDigest);
    }
}
