package org.regionalexchange.gateway.node;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.regionalexchange.gateway.config.CheckedProperties;
import org.regionalexchange.gateway.config.ConfigurationProblems;
import org.regionalexchange.gateway.keys.PemKeys;
import org.regionalexchange.policy.model.CountryCode;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who this node is (docs/design.md §2).
 *
 * @param id           node id, lower case, e.g. {@code kz}; must appear in the participant registry
 * @param country      ISO 3166-1 alpha-2 country of a state's node, e.g. {@code KZ}; exactly one of
 *                     country and organization is set
 * @param organization organization of an organization's node, e.g. {@code UNHCR}
 * @param baseUrl      the URL other nodes reach this node at, e.g. {@code https://gw.example.kz}
 * @param signingKeys  this node's signing keys, PKCS#8 PEM; the first is the active key, the others
 *                     remain published during a rotation
 * @param registry     location of the participant registry (trust list) file, YAML
 */
@ConfigurationProperties(NodeProperties.PREFIX)
public record NodeProperties(String id, String country, String organization, String baseUrl,
        List<SigningKeyLocation> signingKeys, Path registry) implements CheckedProperties {

    public static final String PREFIX = "gateway.node";

    public NodeProperties {
        signingKeys = signingKeys == null ? List.of() : List.copyOf(signingKeys);
    }

    /**
     * One signing key.
     *
     * @param kid        key id published in the registry and carried in every JWS header
     * @param privateKey PKCS#8 PEM file of the private key (Ed25519 or ECDSA P-256)
     */
    public record SigningKeyLocation(String kid, Path privateKey) {
    }

    @Override
    public void check(String prefix, ConfigurationProblems problems) {
        if (id == null || !id.matches("[a-z][a-z0-9-]{1,30}")) {
            problems.reject(prefix + ".id", id, "required; lower-case letters, digits and '-', 2 to 31 characters");
        }
        if ((country == null) == (organization == null)) {
            problems.reject(prefix + ".country", country,
                    "set exactly one of " + prefix + ".country and " + prefix + ".organization (organization = '"
                            + organization + "')");
        }
        if (country != null && !CountryCode.isKnown(country)) {
            problems.reject(prefix + ".country", country, "unknown country code; expected ISO 3166-1 alpha-2, upper case");
        }
        if (organization != null && !organization.matches("[A-Z][A-Z0-9]{1,15}")) {
            problems.reject(prefix + ".organization", organization, "expected upper-case letters and digits, e.g. UNHCR");
        }
        checkBaseUrl(prefix, problems);
        checkSigningKeys(prefix, problems);
        if (registry == null) {
            problems.reject(prefix + ".registry", null, "required: the participant registry file");
        } else if (!Files.isReadable(registry)) {
            problems.reject(prefix + ".registry", registry, "no readable file there");
        }
    }

    private void checkBaseUrl(String prefix, ConfigurationProblems problems) {
        try {
            URI uri = baseUrl == null ? null : new URI(baseUrl);
            if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                problems.reject(prefix + ".base-url", baseUrl, "required; an absolute http or https URL");
            }
        } catch (URISyntaxException e) {
            problems.reject(prefix + ".base-url", baseUrl, "not a URL");
        }
    }

    private void checkSigningKeys(String prefix, ConfigurationProblems problems) {
        if (signingKeys.isEmpty()) {
            problems.reject(prefix + ".signing-keys", "", "at least one signing key (kid and private-key) is required");
        }
        Set<String> kids = new HashSet<>();
        for (int i = 0; i < signingKeys.size(); i++) {
            SigningKeyLocation key = signingKeys.get(i);
            String name = prefix + ".signing-keys[" + i + "]";
            if (key.kid() == null || !key.kid().matches("[A-Za-z0-9._-]{1,64}")) {
                problems.reject(name + ".kid", key.kid(), "required; letters, digits, '.', '_' and '-'");
            } else if (!kids.add(key.kid())) {
                problems.reject(name + ".kid", key.kid(), "duplicate key id");
            }
            if (key.privateKey() == null || !Files.isReadable(key.privateKey())) {
                problems.reject(name + ".private-key", key.privateKey(), "no readable file there");
            } else {
                try {
                    String algorithm = PemKeys.readPrivateKey(key.privateKey()).getAlgorithm();
                    if (!Set.of("Ed25519", "EdDSA", "EC", "ECDSA").contains(algorithm)) {
                        problems.reject(name + ".private-key", key.privateKey(),
                                "a " + algorithm + " key; expected Ed25519 or ECDSA P-256");
                    }
                } catch (IOException | RuntimeException e) {
                    problems.reject(name + ".private-key", key.privateKey(),
                            "not a readable PKCS#8 PEM private key");
                }
            }
        }
    }
}
