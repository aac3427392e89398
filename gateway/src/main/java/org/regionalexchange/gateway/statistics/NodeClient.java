package org.regionalexchange.gateway.statistics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.regionalexchange.gateway.signing.CompactJws;
import org.springframework.stereotype.Component;

/**
 * Asks other nodes for their statistics over HTTP, all at once. One attempt each: a node that does
 * not answer within the timeout is reported as not answering (the officer can ask again), never
 * waited for or guessed.
 */
@Component
class NodeClient {

    static final String JOSE = "application/jose";

    /** A node's HTTP answer. */
    record Answer(int status, String contentType, String body) {

        boolean isEnvelope() {
            return status == 200 && contentType.startsWith(JOSE);
        }
    }

    private final HttpClient http;
    private final StatisticsProperties properties;

    NodeClient(StatisticsProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** GETs {@code baseUrl}'s statistics for the period with the signed query; completes exceptionally if no answer. */
    CompletableFuture<Answer> statistics(String baseUrl, Period period, String queryEnvelope) {
        URI uri = URI.create(baseUrl + "/exchange/v1/statistics?from="
                + URLEncoder.encode(period.from().toString(), StandardCharsets.US_ASCII) + "&to="
                + URLEncoder.encode(period.to().toString(), StandardCharsets.US_ASCII));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.nodeTimeout())
                .header("Authorization", "Signed " + queryEnvelope)
                .header("Accept", JOSE + ", application/problem+json").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenApply(response -> new Answer(
                response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), bounded(response.body())))
                .orTimeout(properties.nodeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The body, read up to one character more than the longest envelope accepted: a longer one is
     * refused by the envelope rules without being held in memory.
     */
    private static String bounded(InputStream body) {
        try (body) {
            byte[] bytes = body.readNBytes(CompactJws.MAX_LENGTH + 1);
            return new String(bytes, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
