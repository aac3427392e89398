package org.regionalexchange.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * deploy/keycloak/realm-example.json gives the node's officers tokens it accepts: its client's
 * mappers put the officer's agency and roles under the claim names {@link OfficerTokenConverter}
 * reads (the defaults of {@link JwtProperties}), add the subject and the node's audience, and the
 * realm's roles are the gateway's roles.
 */
class KeycloakRealmExampleTest {

    private static final Path REALM = Path.of("../deploy/keycloak/realm-example.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The claim names a node reads when its configuration leaves them at their defaults. */
    private static final JwtProperties DEFAULTS = new Binder(new MapConfigurationPropertySource(
            Map.of(JwtProperties.PREFIX + ".issuer-uri", "https://idp.example.org/realms/regional-gateway")))
            .bind(JwtProperties.PREFIX, JwtProperties.class).get();

    @Test
    @DisplayName("the officers' client maps 'agency', 'roles', 'sub' and the audience into the access token")
    void mappersProduceTheClaimsTheNodeReads() {
        List<JsonNode> mappers = accessTokenMappers(JSON.readTree(REALM.toFile()));

        JsonNode agency = byClaim(mappers, DEFAULTS.agencyClaim());
        assertEquals("oidc-usermodel-attribute-mapper", agency.path("protocolMapper").asString());
        assertEquals("agency", agency.at("/config/user.attribute").asString());
        // One string: the converter refuses an agency claim that is not a string.
        assertEquals("false", agency.at("/config/multivalued").asString());
        assertEquals("String", agency.at("/config/jsonType.label").asString());

        JsonNode roles = byClaim(mappers, DEFAULTS.rolesClaim());
        assertEquals("oidc-usermodel-realm-role-mapper", roles.path("protocolMapper").asString());
        assertEquals("true", roles.at("/config/multivalued").asString(), "an array of role names");

        assertTrue(mappers.stream().anyMatch(m -> m.path("protocolMapper").asString().equals("oidc-sub-mapper")),
                "the subject, which the node requires");
        assertTrue(mappers.stream().anyMatch(m -> m.path("protocolMapper").asString().equals("oidc-audience-mapper")
                && m.at("/config/included.custom.audience").asString().equals("regional-gateway")),
                "the node's audience");
    }

    @Test
    @DisplayName("the realm's roles are exactly the gateway's roles, by their claim values")
    void realmRolesAreTheGatewaysRoles() {
        JsonNode realm = JSON.readTree(REALM.toFile());
        Set<String> realmRoles = new TreeSet<>();
        realm.at("/roles/realm").forEach(role -> realmRoles.add(role.path("name").asString()));
        Set<String> gatewayRoles = Arrays.stream(Role.values()).map(Role::claimValue).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(gatewayRoles, realmRoles);
        realmRoles.forEach(name -> assertTrue(Role.fromClaim(name).isPresent(), name));
    }

    @Test
    @DisplayName("only administrators may set an officer's agency")
    void agencyIsAnAdministratorsAttribute() {
        JsonNode realm = JSON.readTree(REALM.toFile());
        JsonNode provider = realm.at("/components/org.keycloak.userprofile.UserProfileProvider/0");
        JsonNode profile = JSON.readTree(provider.at("/config/kc.user.profile.config/0").asString());
        JsonNode agency = null;
        for (JsonNode attribute : profile.path("attributes")) {
            if (attribute.path("name").asString().equals("agency")) {
                agency = attribute;
            }
        }
        assertTrue(agency != null, "the user profile declares 'agency'");
        assertEquals(List.of("admin"), JSON.convertValue(agency.at("/permissions/edit"), List.class));
    }

    /** Mappers of the officers' client and of its default client scopes that write the access token. */
    private static List<JsonNode> accessTokenMappers(JsonNode realm) {
        JsonNode client = null;
        for (JsonNode c : realm.path("clients")) {
            if (c.path("clientId").asString().equals("gateway-officer-app")) {
                client = c;
            }
        }
        assertTrue(client != null, "the officers' client");
        List<JsonNode> mappers = new ArrayList<>();
        client.path("protocolMappers").forEach(mappers::add);
        Set<String> scopes = new TreeSet<>();
        client.path("defaultClientScopes").forEach(s -> scopes.add(s.asString()));
        for (JsonNode scope : realm.path("clientScopes")) {
            if (scopes.contains(scope.path("name").asString())) {
                scope.path("protocolMappers").forEach(mappers::add);
            }
        }
        return mappers.stream().filter(m -> m.at("/config/access.token.claim").asString().equals("true")).toList();
    }

    private static JsonNode byClaim(List<JsonNode> mappers, String claim) {
        List<JsonNode> found = mappers.stream().filter(m -> m.at("/config/claim.name").asString().equals(claim)).toList();
        assertEquals(1, found.size(), "one mapper writes the claim '" + claim + "'");
        return found.get(0);
    }
}
