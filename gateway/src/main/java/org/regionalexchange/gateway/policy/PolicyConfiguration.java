package org.regionalexchange.gateway.policy;

import org.regionalexchange.policy.PolicyEngine;
import org.regionalexchange.policy.config.PolicyConfig;
import org.regionalexchange.policy.config.PolicyFileLoader;
import org.regionalexchange.policy.config.QuestionnaireFileLoader;
import org.regionalexchange.policy.referral.ReferralEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one place where the framework-free policy engine is wired into the gateway.
 * The file was already checked before the context started.
 */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    @Bean
    PolicyConfig policyConfig(PolicyProperties properties) {
        return PolicyFileLoader.load(properties.file());
    }

    @Bean
    PolicyEngine policyEngine(PolicyConfig config) {
        return PolicyEngine.of(config);
    }

    /** Identification and referral: the Annex 1 questionnaire shipped with the policy module, ages in the policy's zone. */
    @Bean
    ReferralEngine referralEngine(PolicyConfig config) {
        return ReferralEngine.of(QuestionnaireFileLoader.annex1(), config.timeZone());
    }
}
