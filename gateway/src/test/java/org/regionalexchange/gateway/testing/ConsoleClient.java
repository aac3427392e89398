package org.regionalexchange.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person's console over plain HTTP, as a browser on 127.0.0.1 would be: one cookie jar for the
 * host (browsers keep cookies per host, not per port, so the nodes' replicas and the sample
 * provider all see it), redirects followed by hand so that a test can send each step to the
 * replica it chooses. {@link #signIn} is the real authorization-code sign-in through the sample
 * provider's password form.
 */
public final class ConsoleClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");
    private static final Pattern CSRF_INPUT_REVERSED = Pattern.compile("value=\"([^\"]+)\"[^>]*?name=\"_csrf\"");

    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** The value of cookie {@code name} in the jar, or null. */
    public String cookie(String name) {
        return cookies.get(name);
    }

    public void setCookie(String name, String value) {
        if (value == null) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    /**
     * Signs {@code username} in (password: the sample provider's rule), beginning at
     * {@code start} (a node's base URL: {@code http://127.0.0.1:port}) and delivering the
     * provider's redirect back to {@code callback} (the same node, or another replica of it).
     * Returns the console page the node sent the person to.
     */
    public URI signIn(URI start, URI callback, String username) {
        HttpResponse<String> answer = send(get(start.resolve("/oauth2/authorization/console")));
        expect(answer, 302, "the sign-in start");
        URI provider = location(answer);
        // The provider: authorize, its password form, authorize again, back with a code.
        answer = send(get(provider));
        for (int hops = 0; answer.statusCode() == 302 && hops < 5; hops++) {
            URI next = location(answer);
            if (next.getPath().startsWith("/login/oauth2/code/")) {
                break;
            }
            if (next.getPath().equals("/login")) {
                HttpResponse<String> form = send(get(next));
                expect(form, 200, "the provider's sign-in form");
                answer = send(post(next, Map.of("username", username, "password", username.replace('@', '-'),
                        "_csrf", csrf(form.body()))));
            } else {
                answer = send(get(next));
            }
        }
        expect(answer, 302, "the provider's redirect back");
        URI back = location(answer);
        if (!back.getPath().startsWith("/login/oauth2/code/")) {
            throw new IllegalStateException("the provider did not send the person back: " + back);
        }
        answer = send(get(callback.resolve(back.getRawPath() + "?" + back.getRawQuery())));
        expect(answer, 302, "the node's callback");
        URI page = location(answer);
        if (!page.getPath().startsWith("/console") || page.getPath().startsWith("/console/sign-in")) {
            throw new IllegalStateException("the sign-in failed: the node sent the person to " + page);
        }
        return page;
    }

    public HttpResponse<String> get(URI base, String path) {
        return send(get(base.resolve(path)));
    }

    /** A form POST with the CSRF token given (or none when {@code csrf} is null). */
    public HttpResponse<String> post(URI base, String path, String csrf, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (csrf != null) {
            form.put("_csrf", csrf);
        }
        return send(post(base.resolve(path), form));
    }

    /** The CSRF token of a console page (a form's hidden field). */
    public static String csrf(String html) {
        Matcher matcher = CSRF_INPUT.matcher(html);
        if (matcher.find()) {
            return matcher.group(1);
        }
        matcher = CSRF_INPUT_REVERSED.matcher(html);
        if (matcher.find()) {
            return matcher.group(1);
        }
        throw new IllegalStateException("no CSRF token on the page");
    }

    public static URI location(HttpResponse<?> answer) {
        return answer.uri().resolve(answer.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("no Location in a " + answer.statusCode())));
    }

    private HttpRequest get(URI uri) {
        return withCookies(HttpRequest.newBuilder(uri).GET()).build();
    }

    private HttpRequest post(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return withCookies(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))).build();
    }

    private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(30));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            for (String header : answer.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int equals = pair.indexOf('=');
                String name = pair.substring(0, equals).trim();
                String value = pair.substring(equals + 1).trim();
                boolean expired = header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0") || value.isEmpty();
                setCookie(name, expired ? null : value);
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> answer, int status, String step) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(step + " answered " + answer.statusCode() + " "
                    + answer.headers().firstValue("Location").orElse("") + " instead of " + status);
        }
    }
}
