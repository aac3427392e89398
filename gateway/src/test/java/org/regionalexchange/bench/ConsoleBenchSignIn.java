package org.regionalexchange.bench;

import java.net.URI;

import org.regionalexchange.gateway.testing.ConsoleClient;

/**
 * Signs people in to a node's console for {@code bench/console-load}, each through the real sign-in
 * (authorization code with PKCE at the sample provider, its password form), and prints one line
 * per session: {@code ROLE<TAB>COOKIE=VALUE}. Several sessions of one sample user are several
 * signed-in people (the sample provider has one user per agency and role).
 *
 * <pre>ConsoleBenchSignIn NODE_URL SESSION_COOKIE ROLE:USERNAME:COUNT...</pre>
 */
public final class ConsoleBenchSignIn {

    private ConsoleBenchSignIn() {
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: ConsoleBenchSignIn NODE_URL SESSION_COOKIE ROLE:USERNAME:COUNT...");
            System.exit(2);
        }
        URI node = URI.create(args[0]);
        String cookie = args[1];
        for (int i = 2; i < args.length; i++) {
            String[] spec = args[i].split(":");
            for (int n = 0; n < Integer.parseInt(spec[2]); n++) {
                ConsoleClient person = new ConsoleClient();
                person.signIn(node, node, spec[1]);
                System.out.println(spec[0] + "\t" + cookie + "=" + person.cookie(cookie));
            }
        }
    }
}
