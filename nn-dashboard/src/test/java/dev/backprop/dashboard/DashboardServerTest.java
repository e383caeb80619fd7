package dev.backprop.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP side without a browser: files, addresses, errors and the stop request. */
class DashboardServerTest {

    private Dashboard dashboard;
    private DashboardClient client;

    @BeforeEach
    void start() {
        dashboard = Dashboard.start(DashboardSettings.defaults());
        client = new DashboardClient(dashboard);
    }

    @AfterEach
    void close() {
        dashboard.close();
    }

    @Test
    void server_isBoundToTheLoopbackAddressOnly() {
        assertTrue(dashboard.address().getAddress().isLoopbackAddress(), dashboard.address().toString());
        assertEquals("127.0.0.1", dashboard.uri().getHost());
        assertTrue(dashboard.address().getPort() > 0, "port 0 was replaced by the free port chosen");
    }

    @Test
    void portInUse_failsNamingThePortAndHowToPickAnother() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            DashboardUnavailableException e = assertThrows(DashboardUnavailableException.class,
                    () -> Dashboard.start(DashboardSettings.defaults().withPort(port)));
            assertTrue(e.getMessage().contains("Port " + port + " on 127.0.0.1 is already in use"), e.getMessage());
            assertTrue(e.getMessage().contains("choose another port, or port 0"), e.getMessage());
        }
    }

    @Test
    void page_andUPlot_areServedFromTheClassPath() {
        HttpResponse<String> page = client.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains("id=\"loss-chart\""), "the page");
        assertFalse(page.body().contains("https://"), "nothing from a CDN");
        HttpResponse<String> uplot = client.get("/uplot/uPlot.iife.min.js");
        assertEquals(200, uplot.statusCode());
        assertTrue(uplot.body().contains("uPlot"), "uPlot's script from its webjar");
        assertEquals(200, client.get("/uplot/uPlot.min.css").statusCode());
        assertEquals(200, client.get("/dashboard.js").statusCode());
        assertEquals(200, client.get("/dashboard.css").statusCode());
    }

    @Test
    void unknownPath_is404_listingWhatIsServed() {
        HttpResponse<String> response = client.get("/nothing/here");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("Nothing here at /nothing/here"), response.body());
        assertTrue(response.body().contains("/api/history"), response.body());
    }

    @Test
    void history_beforeAnyRun_isWaiting() {
        var history = client.history();
        assertEquals("waiting", history.path("status").path("state").asText());
        assertTrue(history.path("run").isNull());
        assertEquals(0, history.path("epochs").size());
    }

    @Test
    void stop_isAPost_fromThePageOrWithoutOrigin() {
        HttpResponse<String> get = client.get("/api/stop");
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
        assertFalse(dashboard.stopRequested());

        HttpResponse<String> foreign = client.send(HttpRequest.newBuilder(client.uri("/api/stop"))
                .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(403, foreign.statusCode(), "another site's page may not stop training");
        assertFalse(dashboard.stopRequested());

        String own = "http://127.0.0.1:" + dashboard.address().getPort();
        HttpResponse<String> stop = client.send(HttpRequest.newBuilder(client.uri("/api/stop"))
                .header("Origin", own).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(202, stop.statusCode());
        assertTrue(dashboard.stopRequested());
    }

    @Test
    void otherHostNames_areRefused_soDnsRebindingCannotReachTheServer() throws IOException {
        String answer = rawGet("/api/history", "evil.example:" + dashboard.address().getPort());
        assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
        assertTrue(rawGet("/api/history", "localhost:" + dashboard.address().getPort()).startsWith("HTTP/1.1 200"));
    }

    @Test
    void diagram_isServedAsSvgOnceShown_andOnlySvgIsAccepted() throws InterruptedException {
        assertEquals(404, client.get("/diagram.svg").statusCode());
        var e = assertThrows(dev.backprop.api.InvalidConfigurationException.class,
                () -> dashboard.showDiagram("network.svg"));
        assertTrue(e.getMessage().contains("no <svg> element"), e.getMessage());
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>";
        dashboard.showDiagram(svg);
        client.awaitHistory("the diagram", history -> history.path("diagramVersion").asLong() == 1);
        HttpResponse<String> diagram = client.get("/diagram.svg");
        assertEquals(200, diagram.statusCode());
        assertEquals("image/svg+xml", diagram.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(svg, diagram.body());
    }

    /** A GET over a plain socket, with a Host header of our choosing (HttpClient sets its own). */
    private String rawGet(String path, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), dashboard.address().getPort())) {
            socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            return in.readLine();
        }
    }
}
