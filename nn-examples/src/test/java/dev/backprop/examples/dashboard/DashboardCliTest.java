package dev.backprop.examples.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backprop.core.train.TrainingCheckpoint;
import dev.backprop.examples.mnist.CliRun;
import dev.backprop.io.model.ModelFiles;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --dashboard} on a training command and {@code ./backprop dashboard --model}, in-process, read over HTTP
 * as the page reads them (the page itself is tested in a real browser in nn-dashboard).
 */
class DashboardCliTest {

    private static final Path DATA = Path.of("..", "data", "fashion-mnist-small").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void mnistWithDashboard_showsTheRunLive_andItsStopButtonEndsTrainingWithACheckpoint() throws Exception {
        int port = freePort();
        Path model = dir.resolve("live.bpnn");
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("mnist", "--data",
                DATA.toString(), "--limit", "600", "--hidden", "32", "--epochs", "200", "--threads", "1", "--model",
                model.toString(), "--dashboard", String.valueOf(port)));
        JsonNode history = waitForEpochs(port, 2, run);
        assertTrue(history.get("batches").size() > 0, "batch losses are streamed: " + history);
        HttpResponse<String> stop = http.send(HttpRequest.newBuilder(uri(port, "/api/stop"))
                .header("Origin", "http://127.0.0.1:" + port).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(stop.statusCode() / 100 == 2, "stop accepted: " + stop.statusCode() + " " + stop.body());

        CliRun done = run.get(120, TimeUnit.SECONDS);
        assertEquals(0, done.status(), done.toString());
        assertTrue(done.out().contains("dashboard: http://127.0.0.1:" + port + "/"), done.out());
        assertTrue(done.out().lines().anyMatch(line -> line.startsWith("stopped after ")
                && line.contains(" of 200; the checkpoint is saved in " + model)), done.out());
        TrainingCheckpoint saved = ModelFiles.checkpoint(model).orElseThrow();
        assertTrue(saved.completedEpochs() >= 2 && saved.completedEpochs() < 200, saved.position());
        assertTrue(!done.out().contains("result: "), "a stopped run has no result line");
    }

    @Test
    void dashboardCommand_showsASavedRunsHistory() throws Exception {
        Path model = dir.resolve("saved.bpnn");
        CliRun trained = CliRun.of("mnist", "--data", DATA.toString(), "--limit", "300", "--hidden", "16", "--epochs",
                "3", "--threads", "1", "--model", model.toString());
        assertEquals(0, trained.status(), trained.toString());
        int port = freePort();
        CompletableFuture<CliRun> shown = CompletableFuture.supplyAsync(() -> CliRun.of("dashboard", "--model",
                model.toString(), "--port", String.valueOf(port), "--seconds", "20"));
        JsonNode history = waitForEpochs(port, 3, shown);
        assertEquals(3, history.get("epochs").size(), history.toString());
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(uri(port, "/no-such-page")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode());
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri(port, "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<html") || page.body().contains("<!DOCTYPE"), "the page itself");
    }

    @Test
    void aPortInUse_isOneLineWithExitTwo() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("mnist", "--data", DATA.toString(), "--limit", "100", "--epochs", "1",
                    "--model", dir.resolve("never.bpnn").toString(), "--dashboard",
                    String.valueOf(taken.getLocalPort()));
            assertEquals(2, run.status(), run.toString());
            String first = run.err().strip().lines().findFirst().orElse("");
            assertTrue(first.startsWith("error: Port " + taken.getLocalPort()) && first.contains("already in use")
                    && first.contains("port 0"), run.toString());
        }
        CliRun noModel = CliRun.of("dashboard", "--seconds", "0");
        assertEquals(2, noModel.status(), noModel.toString());
        assertTrue(noModel.err().startsWith("error: dashboard shows a saved run: give --model FILE"), noModel.err());
    }

    private JsonNode waitForEpochs(int port, int epochs, CompletableFuture<CliRun> run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            if (run.isDone()) {
                throw new AssertionError("the command ended before the page showed " + epochs + " epochs: "
                        + run.get() + "; last history " + last);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(port, "/api/history")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    last = JSON.readTree(response.body());
                    if (last.get("epochs").size() >= epochs) {
                        return last;
                    }
                }
            } catch (IOException notYet) {
                // the server is not up yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + epochs + " epochs on the page within 90 s; last history " + last);
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
