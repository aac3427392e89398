package org.regionalexchange.gateway.exchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Carries signed envelopes to other nodes over HTTP. Retries are safe by construction: every
 * attempt sends the same envelope, and the holder answers a known {@code jti} with the answer it
 * already gave. Only transport failures and 5xx answers are retried. The client comes from Spring
 * Boot's {@link RestClient.Builder}, so each call carries the trace context ({@code traceparent})
 * and is observed; each attempt is timed as {@code gateway.outbound.calls} by peer node and result.
 */
class HolderClient {

    static final String JOSE = "application/jose";

    private static final Logger log = LoggerFactory.getLogger(HolderClient.class);

    private final RestClient http;
    private final ExchangeProperties properties;
    private final MeterRegistry meters;

    HolderClient(ExchangeProperties properties, RestClient.Builder builder, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build());
        factory.setReadTimeout(properties.requestTimeout());
        this.http = builder.clone().requestFactory(factory).build();
    }

    /** An HTTP answer of a node: status and body (a compact JWS, or a problem document). */
    record NodeAnswer(int status, String contentType, String body) {

        boolean isEnvelope() {
            return status == 200 && contentType.startsWith(JOSE);
        }
    }

    /** POSTs the envelope to {@code baseUrl + path}; empty when no attempt got an answer below 500. */
    Optional<NodeAnswer> post(String peerNode, String baseUrl, String path, String envelope) {
        return send(peerNode, URI.create(baseUrl + path), "post", () -> http.post().uri(baseUrl + path)
                .header(HttpHeaders.CONTENT_TYPE, JOSE).header(HttpHeaders.ACCEPT, JOSE + ", application/problem+json")
                .body(envelope).exchange((request, response) -> answer(response)));
    }

    /**
     * GETs {@code baseUrl + pathTemplate} expanded with {@code variables} (the template names the
     * call in its observation, not the id) with a signed query envelope in the Authorization header
     * ({@code Signed <jws>}).
     */
    Optional<NodeAnswer> get(String peerNode, String baseUrl, String pathTemplate, String queryEnvelope,
            Object... variables) {
        URI uri = org.springframework.web.util.UriComponentsBuilder.fromUriString(baseUrl + pathTemplate)
                .buildAndExpand(variables).toUri();
        return send(peerNode, uri, "get", () -> http.get().uri(baseUrl + pathTemplate, variables)
                .header(HttpHeaders.AUTHORIZATION, "Signed " + queryEnvelope)
                .header(HttpHeaders.ACCEPT, JOSE + ", application/problem+json")
                .exchange((request, response) -> answer(response)));
    }

    private static NodeAnswer answer(RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response)
            throws IOException {
        String contentType = response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
        byte[] body = response.getBody().readAllBytes();
        return new NodeAnswer(response.getStatusCode().value(), contentType == null ? "" : contentType,
                new String(body, StandardCharsets.UTF_8));
    }

    private interface Attempt {
        NodeAnswer run();
    }

    private Optional<NodeAnswer> send(String peerNode, URI uri, String method, Attempt attempt) {
        Duration pause = properties.retryBackoff();
        for (int number = 1; number <= properties.attempts(); number++) {
            Timer.Sample sample = Timer.start(meters);
            String result = "unreachable";
            try {
                NodeAnswer answer = attempt.run();
                result = (answer.status() / 100) + "xx";
                if (answer.status() < 500) {
                    return Optional.of(answer);
                }
                log.warn("node answered status={} uri={} attempt={}", answer.status(), uri, number);
            } catch (ResourceAccessException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
                log.warn("node unreachable uri={} attempt={} error={}", uri, number, cause.getClass().getSimpleName());
            } finally {
                sample.stop(Timer.builder("gateway.outbound.calls")
                        .description("Calls to other nodes' exchange API, one per attempt")
                        .tag("peer", peerNode).tag("method", method).tag("result", result).register(meters));
            }
            if (number < properties.attempts()) {
                sleep(pause);
                pause = pause.multipliedBy(2);
            }
        }
        return Optional.empty();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
