package org.regionalexchange.gateway.audit;

import java.time.Instant;
import java.util.List;

/**
 * Alerts that another feature finds in its own data, shown with the access log's in
 * {@code GET /api/v1/audit/alerts}: the audit feature knows no feature, features hand it their
 * alerts (as they hand it their {@link RecordHistory}).
 */
public interface AlertSource {

    /** The alerts with an occurrence at or after {@code since}. */
    List<Alert> alerts(Instant since);
}
