package org.regionalexchange.gateway.exchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries signed envelopes to other nodes over HTTP. Retries are safe by construction: every
 * attempt sends the same envelope, and the holder answers a known {@code jti} with the answer it
 * already gave. Only transport failures and 5xx answers are retried.
 */
class HolderClient {

    static final String JOSE = "application/jose";

    private static final Logger log = LoggerFactory.getLogger(HolderClient.class);

    private final HttpClient http;
    private final ExchangeProperties properties;

    HolderClient(ExchangeProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** An HTTP answer of a node: status and body (a compact JWS, or a problem document). */
    record NodeAnswer(int status, String contentType, String body) {

        boolean isEnvelope() {
            return status == 200 && contentType.startsWith(JOSE);
        }
    }

    /** POSTs the envelope; empty when no attempt got an answer below 500. */
    Optional<NodeAnswer> post(URI uri, String envelope) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.requestTimeout())
                .header("Content-Type", JOSE).header("Accept", JOSE + ", application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build();
        return send(request);
    }

    /** GETs with a signed query envelope in the Authorization header ({@code Signed <jws>}). */
    Optional<NodeAnswer> get(URI uri, String queryEnvelope) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.requestTimeout())
                .header("Authorization", "Signed " + queryEnvelope)
                .header("Accept", JOSE + ", application/problem+json").GET().build();
        return send(request);
    }

    private Optional<NodeAnswer> send(HttpRequest request) {
        Duration pause = properties.retryBackoff();
        for (int attempt = 1; attempt <= properties.attempts(); attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                NodeAnswer answer = new NodeAnswer(response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(""), response.body());
                if (answer.status() < 500) {
                    return Optional.of(answer);
                }
                log.warn("node answered status={} uri={} attempt={}", answer.status(), request.uri(), attempt);
            } catch (IOException e) {
                log.warn("node unreachable uri={} attempt={} error={}", request.uri(), attempt, e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            if (attempt < properties.attempts()) {
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
