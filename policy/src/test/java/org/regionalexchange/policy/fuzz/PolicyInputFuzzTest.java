package org.regionalexchange.policy.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.regionalexchange.policy.PolicyEngine;
import org.regionalexchange.policy.config.PolicyConfigException;
import org.regionalexchange.policy.config.PolicyFileLoader;
import org.regionalexchange.policy.config.QuestionnaireFileLoader;
import org.regionalexchange.policy.model.AgencyId;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.InformationRequest;
import org.regionalexchange.policy.model.JustificationHistory;
import org.regionalexchange.policy.model.LegalBasis;
import org.regionalexchange.policy.model.NodeId;
import org.regionalexchange.policy.model.Party;
import org.regionalexchange.policy.model.Purpose;
import org.regionalexchange.policy.model.Requester;
import org.regionalexchange.policy.model.RequesterRole;
import org.regionalexchange.policy.model.SubjectSelector;
import org.regionalexchange.policy.model.Urgency;

/**
 * Fuzz targets for the policy's inputs (docs/performance.md R4): a policy file or a screening questionnaire file is
 * loaded or refused with {@link PolicyConfigException}; a request built from arbitrary text is refused on construction
 * with {@link IllegalArgumentException} or checked by the engine, which never fails otherwise.
 */
class PolicyInputFuzzTest {

    private static final PolicyEngine ENGINE;

    static {
        try {
            ENGINE = PolicyEngine.of(PolicyFileLoader.load("region-policy.yaml",
                    Files.readString(Path.of("../deploy/policy/region-policy.yaml"))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void policyFile(String yaml) {
        if (yaml == null) {
            return; // no file content at all is not a policy file; the loader is given text
        }
        try {
            PolicyFileLoader.load("fuzz.yaml", yaml);
        } catch (PolicyConfigException refused) {
            // the one allowed failure
        }
    }

    @FuzzTest(maxDuration = "60s")
    void questionnaireFile(String yaml) {
        if (yaml == null) {
            return;
        }
        try {
            QuestionnaireFileLoader.load("fuzz.yaml", yaml);
        } catch (PolicyConfigException refused) {
            // the one allowed failure
        }
    }

    @FuzzTest(maxDuration = "60s")
    void requestText(FuzzedDataProvider data) {
        InformationRequest request;
        try {
            Requester requester = new Requester(NodeId.of("kg"), Party.country("KG"), AgencyId.of("KG-SMS"),
                    RequesterRole.OFFICER);
            SubjectSelector selector = data.consumeBoolean()
                    ? new SubjectSelector.RecordReference(data.consumeString(80))
                    : new SubjectSelector.IdentityQuery(data.consumeString(60), data.consumeString(60),
                            data.consumeString(12), Optional.empty(), Optional.empty());
            request = InformationRequest.of(requester, data.pickValue(Purpose.values()), LegalBasis.AGREEMENT,
                    data.consumeString(40), data.consumeRemainingAsString(), List.of(Category.IDENTITY), Urgency.ROUTINE,
                    selector);
        } catch (IllegalArgumentException refusedOnConstruction) {
            return;
        }
        ENGINE.checkBeforeSending(request, JustificationHistory.none("fuzz"), Instant.parse("2026-11-24T10:00:00Z"));
    }
}
