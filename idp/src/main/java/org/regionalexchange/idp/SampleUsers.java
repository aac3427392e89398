package org.regionalexchange.idp;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One sample user per agency of the region definition and role: user name {@code <role>@<agency>}
 * in lower case ({@code officer@kg-sms}), password the same with {@code -} for {@code @}
 * ({@code officer-kg-sms}). Sample data, documented in the README; never a real account.
 */
final class SampleUsers implements UserDetailsService {

    /** A sample person: the claims the nodes read ({@code agency}, {@code roles}) come from here. */
    record SampleUser(String username, String agency, String role) {
    }

    private final Map<String, SampleUser> users = new LinkedHashMap<>();
    private final Map<String, String> passwordHashes = new LinkedHashMap<>();

    SampleUsers(Path regionDefinition, List<String> roles, PasswordEncoder encoder) throws IOException {
        for (String agency : agencies(regionDefinition)) {
            for (String role : roles) {
                String username = username(role, agency);
                users.put(username, new SampleUser(username, agency, role));
                // The id prefix tells the form login's (delegating) password encoder how to check it.
                passwordHashes.put(username, "{bcrypt}" + encoder.encode(password(username)));
            }
        }
    }

    static String username(String role, String agency) {
        return role.toLowerCase(Locale.ROOT) + "@" + agency.toLowerCase(Locale.ROOT);
    }

    static String password(String username) {
        return username.replace('@', '-');
    }

    Optional<SampleUser> find(String username) {
        return Optional.ofNullable(users.get(username));
    }

    List<SampleUser> all() {
        return List.copyOf(users.values());
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        SampleUser user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("no such sample user");
        }
        return new User(username, passwordHashes.get(username), AuthorityUtils.createAuthorityList("ROLE_USER"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> agencies(Path regionDefinition) throws IOException {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try (Reader reader = Files.newBufferedReader(regionDefinition, StandardCharsets.UTF_8)) {
            Map<String, Object> region = yaml.load(reader);
            List<String> agencies = new ArrayList<>();
            for (Object agency : (List<Object>) region.get("agencies")) {
                agencies.add(String.valueOf(((Map<String, Object>) agency).get("id")));
            }
            return agencies;
        }
    }
}
