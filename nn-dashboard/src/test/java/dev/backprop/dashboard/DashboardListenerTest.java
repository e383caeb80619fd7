package dev.backprop.dashboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.evaluation.ConfusionMatrix;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.Parameter;
import dev.backprop.core.train.EpochReport;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingHistory;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.io.model.Checkpointer;
import dev.backprop.io.model.LoadedModel;
import dev.backprop.io.model.ModelFiles;
import java.io.InputStream;
import java.nio.file.Path;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real training runs shown on a dashboard, checked through its HTTP history. */
class DashboardListenerTest {

    private static final int BATCH = 32;

    private final Dataset train = Runs.blobs(256, 1);
    private final Dataset validation = Runs.blobs(90, 2);
    private Dashboard dashboard;
    private DashboardClient client;

    @BeforeEach
    void start() {
        dashboard = Dashboard.start(DashboardSettings.defaults().withSampleInterval(Duration.ofMillis(20))
                .withPublishInterval(Duration.ofMillis(20)));
        client = new DashboardClient(dashboard);
    }

    @AfterEach
    void close() {
        dashboard.close();
    }

    private DashboardListener listener(Network network) {
        return DashboardListener.builder(dashboard, network)
                .probe(train, Runs.trainer(1, BATCH, List.of()).loss())
                .evaluateOn(validation, List.of("a", "b", "c")).build();
    }

    @Test
    void history_showsEveryEpochAndBatchAsTheTrainerReportedThem() {
        Network network = Runs.network(16);
        Recorder recorder = new Recorder();
        Runs.trainer(4, BATCH, List.of(recorder, listener(network))).fit(network, train, validation);

        JsonNode history = client.awaitHistory("the finished run", h -> DashboardClient.state(h, "finished"));
        List<EpochReport> reports = recorder.epochs();
        JsonNode epochs = history.path("epochs");
        assertEquals(reports.size(), epochs.size());
        for (int i = 0; i < reports.size(); i++) {
            EpochReport report = reports.get(i);
            JsonNode shown = epochs.get(i);
            assertEquals(report.epoch(), shown.path("epoch").asInt());
            assertEquals(report.loss(), shown.path("loss").asDouble(), "epoch " + report.epoch() + " loss");
            assertEquals(report.accuracy(), shown.path("accuracy").asDouble());
            assertEquals(report.validationLoss(), shown.path("validationLoss").asDouble());
            assertEquals(report.validationAccuracy(), shown.path("validationAccuracy").asDouble());
            assertEquals(report.learningRate(), shown.path("learningRate").asDouble());
        }
        double[] shownLosses = StreamSupport.stream(history.path("batches").path("loss").spliterator(), false)
                .mapToDouble(JsonNode::asDouble).toArray();
        double[] batchLosses = recorder.batchLosses().stream().mapToDouble(Double::doubleValue).toArray();
        assertArrayEquals(batchLosses, shownLosses, "32 batches, below the decimation limit: every one");
        assertEquals("categorical_cross_entropy", history.path("run").path("loss").asText());
        assertEquals(2, history.path("run").path("layers").size());
        assertEquals("Finished 4 epochs.", history.path("status").path("message").asText());
    }

    @Test
    void samples_measureWeightsGradientsAndActivationsOfEveryLayer() {
        Network network = Runs.network(16);
        Runs.trainer(2, BATCH, List.of(listener(network))).fit(network, train, validation);

        JsonNode history = client.awaitHistory("the finished run", h -> DashboardClient.state(h, "finished"));
        JsonNode layers = history.path("latestSample").path("layers");
        assertEquals(2, layers.size());
        JsonNode first = layers.get(0);
        assertEquals("dense_1", first.path("name").asText());
        Parameter weights = network.parameter("dense_1.weight");
        assertEquals(Runs.FEATURES * 16L, sum(first.path("weights").path("counts")), "every weight counted");
        double norm = 0;
        for (float w : weights.values()) {
            norm += (double) w * w;
        }
        assertEquals(Math.sqrt(norm), first.path("weightNorm").asDouble(), 1e-9, "the final weights' norm");
        int probeRows = Math.min(DashboardSettings.defaults().probeRows(), train.size());
        assertEquals(probeRows * 16L, sum(first.path("activations").path("counts")), "every probe activation");
        assertTrue(first.path("gradientNorm").asDouble() > 0, "a gradient on the probe batch");
        assertTrue(history.path("norms").size() >= 2, "a measurement at the start and at the end");
        assertTrue(Double.isFinite(history.path("latestSample").path("probeLoss").asDouble()));
    }

    @Test
    void evaluation_isTheConfusionMatrixOnTheEvaluationData() {
        Network network = Runs.network(16);
        Runs.trainer(2, BATCH, List.of(listener(network))).fit(network, train, validation);

        JsonNode evaluation = client.awaitHistory("the evaluation", h -> !h.path("evaluation").isNull())
                .path("evaluation");
        ConfusionMatrix expected = ConfusionMatrix.of(network, validation);
        assertEquals(List.of("a", "b", "c"), List.of(evaluation.path("classes").get(0).asText(),
                evaluation.path("classes").get(1).asText(), evaluation.path("classes").get(2).asText()));
        for (int actual = 0; actual < 3; actual++) {
            for (int predicted = 0; predicted < 3; predicted++) {
                assertEquals(expected.count(actual, predicted),
                        evaluation.path("counts").get(actual).get(predicted).asLong());
            }
            assertEquals(expected.precision(actual), evaluation.path("precision").get(actual).asDouble());
            assertEquals(expected.recall(actual), evaluation.path("recall").get(actual).asDouble());
        }
        assertEquals(validation.size(), evaluation.path("total").asLong());
    }

    @Test
    void probe_leavesTrainingExactlyAsItWas() {
        Network watched = Runs.network(16);
        Network alone = Runs.network(16);
        DashboardListener everyBatch = DashboardListener.builder(dashboard, watched)
                .probe(train, Runs.trainer(1, BATCH, List.of()).loss()).build();
        Runs.trainer(3, BATCH, List.of(everyBatch)).fit(watched, train);
        Runs.trainer(3, BATCH, List.of()).fit(alone, train);
        for (int i = 0; i < alone.parameters().size(); i++) {
            assertArrayEquals(alone.parameters().get(i).values(), watched.parameters().get(i).values(),
                    alone.parameters().get(i).name() + " is bit-identical with and without the dashboard");
        }
        JsonNode history = client.awaitHistory("the finished run", h -> DashboardClient.state(h, "finished"));
        assertTrue(history.path("norms").size() >= 2, "the probe ran: " + history.path("norms").size() + " samples");
    }

    @Test
    void stopButton_endsTrainingCleanly_andTheNextRunStartsUnstopped() throws Exception {
        Network network = Runs.network(16);
        Recorder recorder = new Recorder();
        Trainer trainer = Runs.trainer(100_000, BATCH, List.of(recorder, listener(network)));
        CompletableFuture<TrainingHistory> run = CompletableFuture.supplyAsync(() -> trainer.fit(network, train));
        client.awaitHistory("an epoch", h -> h.path("epochs").size() >= 1);

        HttpResponse<String> stop = client.send(HttpRequest.newBuilder(client.uri("/api/stop"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(202, stop.statusCode());
        TrainingHistory history = run.get(20, TimeUnit.SECONDS);

        assertTrue(history.epochs().size() < 100_000, "stopped early");
        JsonNode shown = client.awaitHistory("the stopped run", h -> DashboardClient.state(h, "stopped"));
        assertEquals(history.epochs().size(), shown.path("epochs").size());
        assertEquals(history.epochs().size(), recorder.lastCheckpoint().completedEpochs(),
                "the checkpoint listeners saw the last complete epoch");
        assertTrue(shown.path("status").path("message").asText().startsWith("Stopped from the dashboard"),
                shown.path("status").toString());

        DashboardListener next = listener(network);
        next.onTrainingStart(trainer.config(), train.size());
        assertFalse(next.stopRequested(), "a new run is not stopped by the last one's button");
    }

    @Test
    void resumedRun_showsTheEpochsBeforeItResumed() {
        Network network = Runs.network(16);
        Recorder recorder = new Recorder();
        Runs.trainer(2, BATCH, List.of(recorder)).fit(network, train);
        Runs.trainer(4, BATCH, List.of(listener(network))).resume(network, train, null, recorder.lastCheckpoint());

        JsonNode history = client.awaitHistory("four epochs", h -> DashboardClient.state(h, "finished")
                && h.path("epochs").size() == 4);
        assertEquals(1, history.path("epochs").get(0).path("epoch").asInt());
        assertTrue(history.path("epochs").get(0).path("t").isNull(), "an epoch from before the resume has no time");
        assertEquals(recorder.epochs().get(1).loss(), history.path("epochs").get(1).path("loss").asDouble());
    }

    @Test
    void unreadPage_neitherHoldsUpTrainingNorLosesEpochs() throws Exception {
        HttpResponse<InputStream> unread = client.http().send(HttpRequest.newBuilder(client.uri("/api/events"))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream ignored = unread.body()) {
            Network network = Runs.network(16);
            Recorder recorder = new Recorder();
            CompletableFuture<TrainingHistory> run = CompletableFuture.supplyAsync(() ->
                    Runs.trainer(60, 8, List.of(recorder, listener(network))).fit(network, train));
            TrainingHistory history = run.get(60, TimeUnit.SECONDS);
            JsonNode shown = client.awaitHistory("every epoch", h -> h.path("epochs").size() == 60);
            assertEquals(history.epochs().size(), shown.path("epochs").size());
            assertEquals(0, shown.path("droppedBatches").asLong());
        }
    }

    @Test
    void showRun_showsAFinishedRunReadFromACheckpointFile(@TempDir Path folder) {
        Network network = Runs.network(16);
        Path file = folder.resolve("run.bpnn");
        Trainer trainer = Runs.trainer(3, BATCH, List.of(new Checkpointer(file, 1)));
        TrainingHistory history = trainer.fit(network, train, validation);

        // What `./backprop dashboard --model FILE` does with the file.
        LoadedModel model = ModelFiles.open(file, PluginRegistry.discovered());
        TrainingHistory saved = new TrainingHistory(model.checkpoint().orElseThrow().history());
        dashboard.showRun(model.network(), saved, model.config().orElse(null));

        JsonNode shown = client.awaitHistory("the run from the file", h -> h.path("epochs").size() == 3
                && !h.path("latestSample").isNull());
        assertEquals("model file", shown.path("run").path("source").asText());
        assertEquals("adam", shown.path("run").path("optimizer").asText());
        assertEquals("finished", shown.path("status").path("state").asText());
        assertEquals(history.epochs().get(2).loss(), shown.path("epochs").get(2).path("loss").asDouble());
        JsonNode layer = shown.path("latestSample").path("layers").get(0);
        assertTrue(layer.path("gradientNorm").isNull(), "no probe: no gradient");
        assertEquals(Runs.FEATURES * 16L, sum(layer.path("weights").path("counts")));
    }

    @Test
    void probe_ofOtherData_isRefusedWithTheWidths() {
        Network network = Runs.network(16);
        Dataset wrong = new Dataset(new float[] {1, 2, 3}, 3, new float[] {1, 0, 0}, 3);
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () ->
                DashboardListener.builder(dashboard, network).probe(wrong, Runs.trainer(1, 1, List.of()).loss())
                        .build());
        assertTrue(e.getMessage().contains("has 3 features per example but the network takes 8"), e.getMessage());
    }

    @Test
    void classNames_mustBeOnePerClass() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () ->
                DashboardListener.builder(dashboard, Runs.network(4)).evaluateOn(validation, List.of("a", "b"))
                        .build());
        assertTrue(e.getMessage().contains("give 3 classes but 2 names were given"), e.getMessage());
    }

    private static long sum(JsonNode counts) {
        long total = 0;
        for (JsonNode count : counts) {
            total += count.asLong();
        }
        return total;
    }
}
