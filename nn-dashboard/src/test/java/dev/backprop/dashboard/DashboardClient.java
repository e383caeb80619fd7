package dev.backprop.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** Talks to a dashboard over HTTP the way the page does, for the tests. */
final class DashboardClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI base;

    DashboardClient(Dashboard dashboard) {
        this.base = dashboard.uri();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient http() {
        return http;
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    JsonNode history() {
        HttpResponse<String> response = get("/api/history");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/history answered " + response.statusCode());
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls the history until {@code condition} holds (within 20 s) and returns it. */
    JsonNode awaitHistory(String what, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode history = history();
        while (!condition.test(history)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The dashboard's history never showed " + what + "; last: " + history);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            history = history();
        }
        return history;
    }

    static boolean state(JsonNode history, String state) {
        return state.equals(history.path("status").path("state").asText());
    }
}
