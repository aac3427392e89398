package org.regionalexchange.gateway.signing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.regionalexchange.gateway.directory.ParticipantRegistry;
import org.regionalexchange.gateway.keys.PemKeys;
import org.regionalexchange.gateway.node.NodeProperties;
import org.regionalexchange.policy.config.PolicyConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SigningConfiguration {

    @Bean
    List<SigningKey> signingKeys(NodeProperties node) throws IOException {
        List<SigningKey> keys = new ArrayList<>();
        for (NodeProperties.SigningKeyLocation location : node.signingKeys()) {
            keys.add(new SigningKey(location.kid(), PemKeys.readPrivateKey(location.privateKey())));
        }
        return List.copyOf(keys);
    }

    @Bean
    EnvelopeSigner envelopeSigner(NodeProperties node, List<SigningKey> signingKeys) {
        return new EnvelopeSigner(node.id(), signingKeys.get(0));
    }

    @Bean
    TrustedKeys trustedKeys(ParticipantRegistry registry) {
        return new TrustedKeys(registry);
    }

    @Bean
    EnvelopeVerifier envelopeVerifier(NodeProperties node, TrustedKeys trustedKeys, PolicyConfig policy) {
        // One clock tolerance for the deployment: the policy file's clockSkew.
        return new EnvelopeVerifier(node.id(), trustedKeys, policy.clockSkew());
    }
}
