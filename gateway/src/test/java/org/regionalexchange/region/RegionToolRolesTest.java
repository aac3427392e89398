package org.regionalexchange.region;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.security.Role;

/** The region tool is built without the gateway: its list of roles is kept equal to the gateway's here. */
class RegionToolRolesTest {

    @Test
    @DisplayName("the region tool mints tokens for exactly the gateway's roles, in their order")
    void toolRolesAreTheGatewaysRoles() {
        assertEquals(Arrays.stream(Role.values()).map(Role::claimValue).toList(), RegionTool.ROLES);
    }
}
