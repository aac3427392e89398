package org.regionalexchange.gateway.checkpoints;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Carries a checkpoint query to a peer over HTTP: one attempt per round (the next round is the
 * retry), bounded by {@code gateway.checkpoints.peer-timeout}.
 */
@Component
class PeerClient {

    private static final Logger log = LoggerFactory.getLogger(PeerClient.class);
    /** A checkpoint answer is a few kilobytes; anything much larger is not one. */
    private static final int MAX_ANSWER = 256 * 1024;

    private final HttpClient http;
    private final CheckpointProperties properties;

    PeerClient(CheckpointProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.peerTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A peer's HTTP answer: status, content type and body. */
    record PeerAnswer(int status, String contentType, String body) {

        boolean isEnvelope() {
            return status == 200 && contentType.startsWith(CheckpointMessages.JOSE) && body.length() <= MAX_ANSWER;
        }
    }

    /** POSTs the query envelope; empty when the peer could not be reached. */
    Optional<PeerAnswer> post(URI uri, String envelope) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.peerTimeout())
                .header("Content-Type", CheckpointMessages.JOSE)
                .header("Accept", CheckpointMessages.JOSE + ", application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = response.body()) {
                // At most one byte more than an answer may have: enough to tell that it is too long.
                body = new String(in.readNBytes(MAX_ANSWER + 1), StandardCharsets.UTF_8);
            }
            return Optional.of(new PeerAnswer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), body));
        } catch (IOException e) {
            log.warn("peer unreachable uri={} error={}", uri, e.getClass().getSimpleName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
