package org.regionalexchange.region;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.regionalexchange.gateway.keys.PemKeys;

import tools.jackson.databind.JsonNode;

/**
 * Command-line helper of {@code deploy/local/region} and {@code deploy/local/token}:
 *
 * <pre>
 * prepare DEFINITION RUN_DIR                 keys, registry and node configuration; prints "id port" per node
 * token DEFINITION RUN_DIR AGENCY ROLE [SUBJECT] [TTL_MINUTES]   prints a bearer token
 * </pre>
 *
 * Exit codes: 0 done, 2 bad arguments (the message says which).
 */
public final class RegionTool {

    /** A command-line tool runs outside a node, so it has no clock bean: this is its one clock. */
    private static final Clock CLOCK = Clock.systemUTC();

    /**
     * The roles a development token may carry: the claim values of the gateway's roles, in their
     * order (the tool is built without the gateway; {@code RegionToolRolesTest} keeps the two equal).
     */
    public static final List<String> ROLES = List.of("registrar", "officer", "reviewer", "liaison", "dpo", "admin",
            "screener");

    private RegionTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length >= 3 && "prepare".equals(args[0])) {
                RegionSetup setup = new RegionSetup(Path.of(args[1]), Path.of(args[2]), CLOCK);
                setup.prepare();
                for (JsonNode node : setup.nodes()) {
                    out.println(node.get("id").asString() + " " + node.get("port").asInt());
                }
                return 0;
            }
            if (args.length >= 5 && args.length <= 7 && "token".equals(args[0])) {
                return token(args, out, err);
            }
            err.println("usage: prepare DEFINITION RUN_DIR | token DEFINITION RUN_DIR AGENCY ROLE [SUBJECT] [TTL_MINUTES]");
            return 2;
        } catch (IOException e) {
            err.println("region: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    private static int token(String[] args, PrintStream out, PrintStream err) throws IOException {
        RegionSetup setup = new RegionSetup(Path.of(args[1]), Path.of(args[2]), CLOCK);
        String agency = args[3];
        String role = args[4];
        String subject = args.length > 5 ? args[5] : "dev." + role + "@" + agency.toLowerCase();
        List<String> agencies = setup.agencies().valueStream().map(a -> a.get("id").asString()).toList();
        if (!agencies.contains(agency)) {
            err.println("token: unknown agency '" + agency + "'; expected one of " + agencies);
            return 2;
        }
        if (!ROLES.contains(role)) {
            err.println("token: unknown role '" + role + "'; expected one of " + ROLES);
            return 2;
        }
        long minutes;
        try {
            minutes = args.length > 6 ? Long.parseLong(args[6]) : 60;
        } catch (NumberFormatException e) {
            minutes = -1;
        }
        if (minutes < 1 || minutes > 24 * 60) {
            err.println("token: TTL_MINUTES must be a number from 1 to 1440");
            return 2;
        }
        Path issuerKey = Path.of(args[2]).resolve(RegionSetup.ISSUER_KEY);
        if (!Files.exists(issuerKey)) {
            err.println("token: no development issuer key at " + issuerKey + "; run `deploy/local/region up` first");
            return 2;
        }
        DevTokens tokens = new DevTokens(setup.issuer(), setup.audience(), PemKeys.readPrivateKey(issuerKey));
        out.println(tokens.mint(agency, List.of(role), subject, CLOCK.instant(), Duration.ofMinutes(minutes)));
        return 0;
    }
}
