package org.regionalexchange.gateway;

import java.util.function.Supplier;

import org.regionalexchange.gateway.audit.RevisionContext;
import org.regionalexchange.gateway.directory.RevisionReasons;
import org.springframework.stereotype.Component;

/** The directory's revisions carry their reason through audit's {@link RevisionContext}. */
@Component
class AuditRevisionReasons implements RevisionReasons {

    @Override
    public <T> T with(String reason, Supplier<T> work) {
        return RevisionContext.with(reason, null, work);
    }
}
