package org.regionalexchange.gateway.security;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/** A valid token whose agency is not served by this node: it is not a credential here. */
class AgencyNotOfNodeException extends OAuth2AuthenticationException {

    AgencyNotOfNodeException() {
        super(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token's agency is not an agency of this node.", null));
    }
}
