package dev.backprop.dashboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.BatchReport;
import dev.backprop.core.train.EpochReport;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingHistory;
import dev.backprop.io.model.Checkpointer;
import dev.backprop.io.model.ModelFiles;
import dev.backprop.io.model.ResumableRun;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: Debian's headless Chromium, driven by Selenium (never downloading a
 * driver: {@code SE_OFFLINE=true}). A short training run on synthetic data shows live; the numbers on the
 * page match the trainer's epoch reports; the Stop button ends training, whose checkpoint (saved through
 * nn-io) loads. The final page is saved as {@code target/dashboard-screenshot.png}.
 */
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("target", "dashboard-screenshot.png");
    private static final Path FAILURE_SCREENSHOT = Path.of("target", "dashboard-failure.png");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void page_showsTrainingLive_matchesTheReports_andItsStopButtonEndsTraining(@TempDir Path folder)
            throws Exception {
        requireBrowser();
        Dataset train = Runs.blobs(3000, 1);
        Dataset validation = Runs.blobs(600, 2);
        Network network = Network.builder().input(Runs.FEATURES).dense(128, "relu").dense(64, "tanh")
                .dense(Runs.CLASSES, "softmax").seed(7).build();
        Path checkpoint = folder.resolve("run.bpnn");
        Recorder recorder = new Recorder();
        try (Dashboard dashboard = Dashboard.start(DashboardSettings.defaults()
                .withSampleInterval(Duration.ofMillis(250)))) {
            dashboard.showDiagram(SketchDiagram.of(network.spec()));
            Trainer probeLoss = Runs.trainer(1, 1, List.of());
            DashboardListener listener = DashboardListener.builder(dashboard, network)
                    .probe(train, probeLoss.loss()).evaluateOn(validation, List.of("red", "green", "blue")).build();
            Trainer trainer = Runs.trainer(500, 16, List.of(recorder, new Checkpointer(checkpoint, 1), listener));

            WebDriver browser = startBrowser();
            CompletableFuture<TrainingHistory> run = null;
            try {
                browser.get(dashboard.uri().toString());
                WebDriverWait wait = new WebDriverWait(browser, WAIT);
                wait.until(page -> "waiting".equals(text(page, "status")));
                run = CompletableFuture.supplyAsync(() -> trainer.fit(network, train, validation));
                wait.until(page -> Integer.parseInt(page.findElement(By.id("loss-chart"))
                        .getAttribute("data-epochs")) >= 2);
                assertEquals("running", text(browser, "status"));
                assertTrue(Integer.parseInt(browser.findElement(By.id("loss-chart")).getAttribute("data-batch-points"))
                        > 0, "batch points on the loss chart");
                wait.until(page -> Integer.parseInt(page.findElement(By.id("gradient-norm-chart"))
                        .getAttribute("data-points")) >= 2);

                browser.findElement(By.id("stop")).click();
                TrainingHistory history = run.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertTrue(history.epochs().size() < 500, "the Stop button ended training early");

                wait.until(page -> "stopped".equals(text(page, "status"))
                        && !page.findElements(By.cssSelector("#confusion table")).isEmpty()
                        && page.findElements(By.cssSelector("#epochs tbody tr")).size() == history.epochs().size());
                checkEpochRows(browser, recorder.epochs());
                // Training may stop after the epoch or, where the trainer asks after each batch, within it.
                BatchReport last = recorder.lastBatch();
                assertEquals(last.epoch() + " / 500", text(browser, "fig-epoch"), "the last batch's epoch");
                assertEquals(last.batch() + " / " + last.batches(), text(browser, "fig-batch"), "the last batch");
                assertEquals(3, browser.findElements(By.cssSelector("#histograms .histogram")).size());
                wait.until(page -> (Boolean) ((ChromeDriver) page).executeScript(
                        "const i = document.querySelector('#diagram img'); return !!i && i.complete"
                                + " && i.naturalWidth > 0;"));
                saveScreenshot((ChromeDriver) browser, SCREENSHOT);
            } catch (RuntimeException | AssertionError failure) {
                saveScreenshot((ChromeDriver) browser, FAILURE_SCREENSHOT);
                throw new AssertionError("The dashboard page failed (its screenshot: " + FAILURE_SCREENSHOT
                        + "); the page's status: " + text(browser, "status") + " " + text(browser, "status-message"),
                        failure);
            } finally {
                browser.quit();
                dashboard.requestStop();
                if (run != null) {
                    run.handle((history, failure) -> history).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                }
            }

            ResumableRun saved = ModelFiles.loadCheckpoint(checkpoint, PluginRegistry.discovered());
            assertEquals(recorder.epochs().size(), saved.checkpoint().completedEpochs());
            for (int i = 0; i < network.parameters().size(); i++) {
                assertArrayEquals(network.parameters().get(i).values(), saved.network().parameters().get(i).values(),
                        "the checkpoint holds the weights training stopped with");
            }
        }
    }

    /** Every row of the page's epoch table shows its report, to the precision shown. */
    @SuppressWarnings("unchecked")
    private static void checkEpochRows(WebDriver browser, List<EpochReport> reports) {
        // One round trip for the whole table: {epoch: [loss, accuracy, validation loss, validation accuracy]}.
        Map<String, List<String>> rows = (Map<String, List<String>>) ((ChromeDriver) browser).executeScript(
                "const rows = {};"
                        + "document.querySelectorAll('#epochs tbody tr').forEach(r => rows[r.dataset.epoch] ="
                        + " ['loss', 'accuracy', 'validation-loss', 'validation-accuracy']"
                        + ".map(c => r.querySelector('.' + c).textContent));"
                        + "return rows;");
        assertEquals(reports.size(), rows.size(), "one row per epoch");
        for (EpochReport report : reports) {
            List<String> row = rows.get(Integer.toString(report.epoch()));
            String where = "epoch " + report.epoch();
            assertClose(report.loss(), Double.parseDouble(row.get(0)), 1e-4 * Math.abs(report.loss()), where + " loss");
            assertClose(100 * report.accuracy(), percent(row.get(1)), 0.0051, where + " accuracy");
            assertClose(report.validationLoss(), Double.parseDouble(row.get(2)),
                    1e-4 * Math.abs(report.validationLoss()), where + " validation loss");
            assertClose(100 * report.validationAccuracy(), percent(row.get(3)), 0.0051, where + " validation accuracy");
        }
    }

    private static void assertClose(double expected, double shown, double tolerance, String what) {
        assertTrue(Math.abs(expected - shown) <= tolerance, what + ": the report says " + expected + ", the page "
                + shown);
    }

    /** {@code 93.50%} as 93.5. */
    private static double percent(String text) {
        assertTrue(text.endsWith("%"), "a percentage: " + text);
        return Double.parseDouble(text.substring(0, text.length() - 1));
    }

    private static String text(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void requireBrowser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The dashboard's browser test drives Debian's headless Chromium, but " + (Files.isExecutable(CHROMIUM)
                    ? CHROMEDRIVER : CHROMIUM) + " is missing: install both with"
                    + " 'sudo apt-get install -y chromium chromium-driver' (.ci/run installs them), then run the tests"
                    + " again.");
        }
    }

    private static WebDriver startBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,2000", "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void saveScreenshot(ChromeDriver browser, Path file) {
        try {
            Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not save the screenshot " + file, e);
        }
    }
}
