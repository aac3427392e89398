package org.regionalexchange.gateway.records;

import java.util.List;

import org.regionalexchange.policy.Decision;
import org.regionalexchange.policy.model.Consent;
import org.regionalexchange.policy.model.SubjectSelector;

import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;
import java.util.UUID;

import org.regionalexchange.gateway.security.Officer;

import tools.jackson.databind.JsonNode;

/**
 * The subject records of this node, as other features use them. Agency isolation is built in: a
 * record is visible only to its holding agency; any other caller is refused as if the record did
 * not exist, and the refusal is logged.
 */
public interface SubjectRecords {

    /**
     * Registers a record held by {@code registrar}'s agency and logs {@code RECORD_CREATED}; the
     * document must be valid against schema {@code record}.
     *
     * @return the new record's id
     * @throws org.regionalexchange.gateway.error.ApiException {@code conflict} if the agency already
     *         holds a record with the same {@code holderRecordRef}; {@code invalid_value} for an
     *         unknown country code
     */
    UUID register(Officer registrar, JsonNode document);

    /**
     * Requires that record {@code recordId} is held by {@code officer}'s agency. Must run inside the
     * caller's transaction, which must not roll back for {@link RecordNotVisible} (the refusal is
     * logged in it).
     *
     * @throws RecordNotVisible (404 {@code not_found}) after logging {@code ACCESS_REFUSED}
     */
    void requireHeldBy(Officer officer, UUID recordId);

    /** The id of the record that {@code holderAgency} registered under {@code holderRecordRef}. */
    Optional<UUID> findByHolderRef(String holderAgency, String holderRecordRef);

    /**
     * One record of {@code holderAgency}, any one (empty if it holds none): the stand-in that the
     * holder reads when a request matches nothing, so that "not on record" costs what a record
     * costs (docs/performance.md R8). Nothing of it is released or decided on.
     */
    Optional<UUID> anyHeldBy(String holderAgency);

    /**
     * Every record of {@code holderAgency} that the selector names: by reference, the one record
     * registered under it; by identity, every candidate of {@link IdentityMatcher}. Never a guess.
     */
    List<UUID> resolve(String holderAgency, SubjectSelector selector);

    /**
     * {@link #resolve} for many selectors at once, in a fixed number of statements however many
     * there are (the review queue resolves a page of requests again): the candidates of each
     * selector, in the order given, exactly as {@link #resolve} would give them one by one.
     */
    List<List<UUID>> resolveAll(String holderAgency, List<SubjectSelector> selectors);

    /** The facts of a record that the policy decides on, with the record's consents. */
    org.regionalexchange.policy.model.SubjectRecord forPolicy(UUID recordId, List<Consent> consents);

    /**
     * The facts of a record that the policy decides on, with the record's consents, and the
     * reference (id and version) of what was read: a decision on these facts judged that version.
     * Empty if there is no such record.
     */
    Optional<RecordFacts> forDecision(UUID recordId, List<Consent> consents);

    /**
     * {@link #forDecision} for many records in one read: by id, the facts of each record that
     * exists, with its consents from {@code consents} (none if absent); empty for a record whose row
     * cannot be read as facts (the caller fails closed); no entry for a record that does not exist.
     */
    java.util.Map<UUID, Optional<RecordFacts>> forDecisionAll(java.util.Collection<UUID> recordIds,
            java.util.Map<UUID, List<Consent>> consents);

    /**
     * The data of the categories that {@code decision} released about the record {@code judged}
     * names, at exactly the version it names, with the fields its obligations redact removed, keyed
     * by category ({@code IDENTITY}, ...). This is the only path by which personal data leaves the
     * node: it takes a policy decision, which only the policy engine can make, and the record that
     * decision judged (docs/performance.md R9).
     *
     * @throws RecordChanged if the record is gone or has another version now: nothing is released
     */
    ObjectNode release(RecordRef judged, Decision decision);

    /**
     * The same release for a decision made in the caller's transaction on {@code read}: from the row
     * those facts were read from, which is the judged version, without reading it again.
     */
    ObjectNode release(RecordFacts read, Decision decision);

    /**
     * What the liaison of an organization may see of record {@code recordId}: its id, its holding
     * agency and the data of the categories in {@code consentedCategories} only (the union of the
     * categories of the consents in force that name the liaison, which the caller establishes with
     * the policy's consent semantics), keyed by category. Empty if there is no such record or the
     * record is on protection hold. Does not log: the caller logs the view in its transaction.
     */
    Optional<ObjectNode> forLiaison(UUID recordId, java.util.Set<org.regionalexchange.policy.model.Category> consentedCategories);
}
