package org.regionalexchange.gateway.audit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.regionalexchange.gateway.error.FieldError;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.gateway.security.Officer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


/**
 * The data-protection officer's views (role {@code dpo}, checked by the security table): a DPO sees
 * this node's whole access log, every agency of the node. Every view is itself logged, before any
 * of the log's content is returned (R1: the log holds justifications, which are personal data).
 */
@RestController
class AuditController {

    private static final Set<String> EXPORT_PARAMETERS = Set.of("recordId", "requestId", "agency", "actor", "outcome",
            "action", "from", "to");

    private final DpoDesk desk;
    private final AccessLogQueries queries;
    private final AccessLog accessLog;
    private final NodeProperties node;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AuditController(DpoDesk desk, AccessLogQueries queries, AccessLog accessLog, NodeProperties node,
            TransactionTemplate transactions, Clock clock) {
        this.desk = desk;
        this.queries = queries;
        this.accessLog = accessLog;
        this.node = node;
        this.transactions = transactions;
        this.clock = clock;
    }

    @GetMapping("/api/v1/audit/events")
    AccessLogQueries.Page events(@RequestParam Map<String, String> parameters, @AuthenticationPrincipal Officer dpo) {
        return desk.events(dpo, parameters);
    }

    @GetMapping("/api/v1/audit/events.csv")
    void export(@RequestParam Map<String, String> parameters, @AuthenticationPrincipal Officer dpo,
            HttpServletResponse response) throws IOException {
        List<FieldError> errors = DpoDesk.unknown(parameters, EXPORT_PARAMETERS);
        EventFilter filter = EventFilter.parse(parameters, errors);
        EventFilter.requireNone(errors);
        transactions.executeWithoutResult(status -> accessLog.append(new AccessEvent(clock.instant(), dpo.subject(),
                dpo.agency(), node.id(), AccessAction.AUDIT_EXPORTED, filter.recordId(), AccessEvent.OK, List.of())));
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"access-log-" + node.id() + ".csv\"");
        Writer out = response.getWriter();
        TransactionTemplate readOnly = new TransactionTemplate(transactions.getTransactionManager());
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> queries.exportCsv(filter, out));
        out.flush();
    }

    @GetMapping("/api/v1/audit/verify")
    ChainVerifier.Verification verify(@AuthenticationPrincipal Officer dpo) {
        return desk.verify(dpo);
    }

    @GetMapping("/api/v1/audit/records/{id}/disclosures")
    Disclosures disclosures(@PathVariable UUID id, @AuthenticationPrincipal Officer dpo) {
        return new Disclosures(id, desk.disclosures(dpo, id));
    }

    @GetMapping("/api/v1/audit/alerts")
    DpoDesk.Alerts alerts(@AuthenticationPrincipal Officer dpo) {
        return desk.alerts(dpo);
    }

    record Disclosures(UUID recordId, List<DisclosureReport.Disclosure> disclosures) {
    }
}
