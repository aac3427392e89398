package org.regionalexchange.gateway.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The console's entrance: sign-in, the home page with each role's screens, sign-out and refusal pages. */
@Controller
@ConditionalOnProperty(prefix = ConsoleProperties.PREFIX, name = "issuer-uri")
class HomeConsoleController {

    @GetMapping({"/console", "/console/"})
    String home() {
        return "console/home";
    }

    @GetMapping(ConsoleSecurityConfiguration.SIGN_IN)
    String signIn() {
        return "console/sign-in";
    }

    @GetMapping(ConsoleSecurityConfiguration.SIGNED_OUT)
    String signedOut() {
        return "console/signed-out";
    }

    @org.springframework.web.bind.annotation.RequestMapping(ConsoleSecurityConfiguration.DENIED)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied() {
        return "console/denied";
    }
}
