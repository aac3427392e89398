package org.regionalexchange.policy;

import java.util.Optional;
import org.regionalexchange.policy.config.PolicyConfig;
import org.regionalexchange.policy.config.PurposePolicy;
import org.regionalexchange.policy.model.Category;
import org.regionalexchange.policy.model.Purpose;

/**
 * Which categories may leave for which purpose: two hard rules in code, then the policy file's list
 * (docs/design.md §4 and §6 step 8). Hard rules come first so their specific code is what the requester sees.
 */
final class PurposeLimits {
    private PurposeLimits() {
    }

    static Optional<ReasonCode> purposeRefusal(PolicyConfig config, Purpose purpose) {
        return config.enabled(purpose).isPresent() ? Optional.empty() : Optional.of(ReasonCode.PURPOSE_NOT_ENABLED);
    }

    /** Why the category may not be released for the (enabled) purpose, if it may not. */
    static Optional<ReasonCode> categoryRefusal(PolicyConfig config, Purpose purpose, Category category) {
        // An address handed to a body screening or excluding the person is a way to find them:
        // seed 000 §8.5 ("may lead to further persecution"), docs/design.md §4 "never for security or exclusion".
        if (category == Category.CONTACT && purpose.isSecurityOrExclusion()) {
            return Optional.of(ReasonCode.CONTACT_NOT_FOR_SECURITY_OR_EXCLUSION);
        }
        // Vulnerabilities are shared to protect, not to screen: seed 000 §6.1 refers persons with specific
        // needs to child-protection, anti-trafficking and care institutions; seed 000 §4 non-re-victimization.
        if (category == Category.SPECIFIC_NEEDS && !purpose.isProtectionPurpose()) {
            return Optional.of(ReasonCode.SPECIFIC_NEEDS_PROTECTION_PURPOSES_ONLY);
        }
        Optional<PurposePolicy> policy = config.enabled(purpose);
        if (policy.isEmpty() || !policy.get().categories().contains(category)) {
            return Optional.of(ReasonCode.CATEGORY_NOT_ALLOWED_FOR_PURPOSE);
        }
        return Optional.empty();
    }
}
