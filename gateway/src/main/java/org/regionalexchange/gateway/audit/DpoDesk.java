package org.regionalexchange.gateway.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.error.ErrorCode;
import org.regionalexchange.gateway.error.FieldError;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.security.Officer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data-protection officer's views, for {@code /api/v1/audit} and the console alike: the access
 * log searched with the API's filters, the chain's verification, one person's disclosures, a
 * record's revisions and the alerts. Every view is logged before any of the log's content is
 * returned (R1: the log holds justifications, which are personal data). The activity per day is
 * counts only, and is not logged.
 */
@Component
public class DpoDesk {

    static final Set<String> EVENT_PARAMETERS = Set.of("recordId", "requestId", "agency", "actor", "outcome",
            "action", "from", "to", "page", "size");

    /** The alerts of the window {@code from}..{@code to}. */
    public record Alerts(Instant from, Instant to, List<Alert> alerts) {
    }

    private final AccessLogQueries queries;
    private final DisclosureReport disclosureReport;
    private final ChainVerifier verifier;
    private final AccessLog accessLog;
    private final NodeProperties node;
    private final AuditProperties properties;
    private final TransactionTemplate transactions;
    private final List<RecordHistory> histories;
    private final List<AlertSource> alertSources;
    private final Clock clock;

    DpoDesk(AccessLogQueries queries, DisclosureReport disclosureReport, ChainVerifier verifier, AccessLog accessLog,
            NodeProperties node, AuditProperties properties, TransactionTemplate transactions,
            List<RecordHistory> histories, List<AlertSource> alertSources, Clock clock) {
        this.queries = queries;
        this.disclosureReport = disclosureReport;
        this.verifier = verifier;
        this.accessLog = accessLog;
        this.node = node;
        this.properties = properties;
        this.transactions = transactions;
        this.histories = histories;
        this.alertSources = alertSources;
        this.clock = clock;
    }

    /**
     * A page of events matching the API's filters ({@code recordId, requestId, agency, actor, outcome,
     * action, from, to, page, size}); an unknown or bad parameter is {@code INVALID_VALUE}.
     */
    public AccessLogQueries.Page events(Officer dpo, Map<String, String> parameters) {
        List<FieldError> errors = unknown(parameters, EVENT_PARAMETERS);
        EventFilter filter = EventFilter.parse(parameters, errors);
        int page = integer(parameters, "page", 0, 0, 1_000_000, errors);
        int size = integer(parameters, "size", properties.defaultPageSize(), 1, properties.maxPageSize(), errors);
        EventFilter.requireNone(errors);
        return transactions.execute(status -> {
            log(dpo, AccessAction.AUDIT_SEARCHED, filter.recordId());
            return queries.search(filter, page, size);
        });
    }

    /** Walks the chain; the verification is logged with its result. */
    public ChainVerifier.Verification verify(Officer dpo) {
        ChainVerifier.Verification result = verifier.verify();
        transactions.executeWithoutResult(status -> accessLog.append(new AccessEvent(clock.instant(), dpo.subject(),
                dpo.agency(), node.id(), AccessAction.CHAIN_VERIFIED, null, result.valid() ? AccessEvent.OK : "BROKEN",
                result.valid() ? List.of() : List.of(result.problem()))));
        return result;
    }

    /** Every disclosure of the record (or screening); {@code NOT_FOUND} if this node knows neither. */
    public List<DisclosureReport.Disclosure> disclosures(Officer dpo, UUID id) {
        return transactions.execute(status -> {
            List<DisclosureReport.Disclosure> found = disclosureReport.of(id);
            // A record of this node, or a screening that referrals were sent from.
            boolean known = histories.stream().anyMatch(h -> h.ownsRecord() && !h.revisionsOf(id).isEmpty())
                    || found.stream().anyMatch(d -> d.referralId() != null);
            if (!known) {
                throw new ApiException(ErrorCode.NOT_FOUND, "No record with this id on this node.");
            }
            log(dpo, AccessAction.DISCLOSURES_READ, id);
            return found;
        });
    }

    /**
     * The Envers revisions of a record of this node and of its consents, oldest first (as
     * {@code GET /api/v1/audit/records/{id}/revisions}); {@code NOT_FOUND} if this node holds no
     * such record. Logged as {@code RECORD_HISTORY_READ}.
     */
    public List<RevisionEntry> revisions(Officer dpo, UUID id) {
        return transactions.execute(status -> {
            List<RevisionEntry> entries = new ArrayList<>();
            boolean recordKnown = false;
            for (RecordHistory source : histories) {
                List<RevisionEntry> found = source.revisionsOf(id);
                recordKnown |= source.ownsRecord() && !found.isEmpty();
                entries.addAll(found);
            }
            if (!recordKnown) {
                throw new ApiException(ErrorCode.NOT_FOUND, "No record with this id on this node.");
            }
            entries.sort(Comparator.comparingLong(RevisionEntry::revision).thenComparing(RevisionEntry::entity)
                    .thenComparing(RevisionEntry::entityId));
            log(dpo, AccessAction.RECORD_HISTORY_READ, id);
            return entries;
        });
    }

    /** How many days {@link #activity()} shows: today (UTC) and the days before it. */
    public static final int ACTIVITY_DAYS = 30;

    /**
     * The access log's events per UTC day and {@link ActivityKind} over the last
     * {@value #ACTIVITY_DAYS} days, today included: counts without any actor, record or content.
     */
    public Activity activity() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return queries.activity(today.minusDays(ACTIVITY_DAYS - 1), today);
    }

    /** The alerts of the configured window up to now. */
    public Alerts alerts(Officer dpo) {
        Instant now = clock.instant();
        Instant since = now.minus(properties.alertWindow());
        return transactions.execute(status -> {
            log(dpo, AccessAction.ALERTS_READ, null);
            List<Alert> alerts = new ArrayList<>(queries.alerts(since, properties));
            alertSources.forEach(source -> alerts.addAll(source.alerts(since)));
            return new Alerts(since, now, alerts);
        });
    }

    private void log(Officer dpo, AccessAction action, UUID recordId) {
        accessLog.append(new AccessEvent(clock.instant(), dpo.subject(), dpo.agency(), node.id(), action, recordId,
                AccessEvent.OK, List.of()));
    }

    static List<FieldError> unknown(Map<String, String> parameters, Set<String> known) {
        List<FieldError> errors = new ArrayList<>();
        parameters.keySet().stream().filter(p -> !known.contains(p)).sorted()
                .forEach(p -> errors.add(new FieldError(p, "unknown parameter; expected one of " + known.stream()
                        .sorted().toList())));
        return errors;
    }

    private static int integer(Map<String, String> parameters, String name, int fallback, int min, int max,
            List<FieldError> errors) {
        String value = parameters.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be an integer from " + min + " to " + max));
        return fallback;
    }
}
