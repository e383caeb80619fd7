package dev.backprop.benchmarks;

import dev.backprop.api.loss.Loss;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.TrainingStep;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.BatchReport;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingSettings;
import dev.backprop.dashboard.Dashboard;
import dev.backprop.dashboard.DashboardListener;
import dev.backprop.dashboard.DashboardSettings;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the dashboard costs a training step: one single-threaded step ({@code step}) against the same step
 * followed by the dashboard listener's {@code onBatchEnd} ({@code stepWithDashboard}, the batch report
 * allocated as the trainer does), with a live {@link Dashboard} whose publisher drains the listener's queue
 * and whose listener measures the layers on a 64-example probe batch at its default pace (every 2 s, or
 * 200 times a measurement's cost), so the sampling's share is included ({@code sampling=paced}; with
 * {@code once} the layers are measured only at the start, leaving the per-batch path). Networks: {@code mnist} (784-128-10, batch 64, the size the examples train) and
 * {@code small} (8-32-3, batch 16: a step of a few microseconds, the worst case for a per-batch cost).
 * Run: {@code java -jar nn-benchmarks/target/benchmarks-jmh.jar DashboardListener} (the baseline {@code step}
 * ignores {@code sampling}: {@code -p sampling=paced} runs it once).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
public class DashboardListenerBenchmark {

    /** {@code mnist} (784-128-10, batch 64) or {@code small} (8-32-3, batch 16). */
    @Param({"mnist", "small"})
    public String network;

    /**
     * {@code paced}: the layers measured at the listener's default pace (every 2 s, or 200 times a warm
     * measurement's cost); {@code once}: only at the start, so the per-batch path alone is measured.
     */
    @Param({"paced", "once"})
    public String sampling;

    private static final int BATCHES = 900;

    private Network trained;
    private TrainingStep step;
    private float[] features;
    private float[] targets;
    private int rows;
    private Dashboard dashboard;
    private DashboardListener listener;
    private int epoch = 1;
    private int batch;

    /** The network, its step, a batch, a dashboard and its listener (with a probe), as a run starts. */
    @Setup(Level.Trial)
    public void setUp() {
        boolean mnist = "mnist".equals(network);
        int inputs = mnist ? 784 : 8;
        int hidden = mnist ? 128 : 32;
        int classes = mnist ? 10 : 3;
        rows = mnist ? 64 : 16;
        PluginRegistry registry = PluginRegistry.discovered();
        trained = Network.builder().input(inputs).dense(hidden, "relu").dense(classes, "softmax").seed(5).build();
        Loss loss = registry.loss("categorical_cross_entropy");
        Optimizer optimizer = registry.optimizer("adam");
        step = TrainingStep.builder(trained, loss, optimizer).capacity(rows).threads(1).build();
        SplittableRandom random = new SplittableRandom(9);
        int examples = rows * 16;
        float[] allFeatures = Operands.random(examples * inputs, 0, random);
        float[] allTargets = new float[examples * classes];
        for (int i = 0; i < examples; i++) {
            allTargets[i * classes + random.nextInt(classes)] = 1;
        }
        Dataset data = new Dataset(allFeatures, inputs, allTargets, classes);
        features = new float[rows * inputs];
        targets = new float[rows * classes];
        data.copyRange(0, rows, features, targets);

        DashboardSettings defaults = DashboardSettings.defaults();
        dashboard = Dashboard.start("once".equals(sampling) ? defaults.withSampleInterval(Duration.ofDays(1))
                : defaults);
        listener = DashboardListener.builder(dashboard, trained).probe(data, loss).build();
        TrainingSettings settings = TrainingSettings.builder().epochs(1_000_000).batchSize(rows).threads(1).build();
        listener.onTrainingStart(TrainingConfig.describing(loss, optimizer, settings), examples);
    }

    /** Stops the step's threads and the dashboard. */
    @TearDown(Level.Trial)
    public void tearDown() {
        step.close();
        dashboard.close();
    }

    /** One training step: the baseline. */
    @Benchmark
    public double step() {
        return step.step(features, targets, rows);
    }

    /**
     * One training step and the dashboard listener's report of it. The time of each part is also summed in
     * {@link Split} (secondary results {@code stepNanos} and {@code dashboardNanos}): measured side by side in
     * the same invocations, their ratio is the listener's share of a step even on a machine whose load
     * varies. The two clock reads count against the listener.
     */
    @Benchmark
    public double stepWithDashboard(Split split) {
        long start = System.nanoTime();
        double loss = step.step(features, targets, rows);
        long stepped = System.nanoTime();
        listener.onBatchEnd(nextReport(loss));
        long reported = System.nanoTime();
        split.stepNanos += stepped - start;
        split.dashboardNanos += reported - stepped;
        return loss;
    }

    /** The time spent in the step and in the listener, summed per iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Split {
        /** Nanoseconds in {@code TrainingStep.step}. */
        public long stepNanos;
        /** Nanoseconds in {@code DashboardListener.onBatchEnd}, sampling included. */
        public long dashboardNanos;

        /** Starts each iteration from zero. */
        @Setup(Level.Iteration)
        public void clear() {
            stepNanos = 0;
            dashboardNanos = 0;
        }
    }

    /** The next batch's report, epochs of {@value #BATCHES} batches, as the trainer allocates it. */
    private BatchReport nextReport(double loss) {
        if (++batch > BATCHES) {
            batch = 1;
            epoch++;
        }
        return new BatchReport(epoch, batch, BATCHES, rows, loss);
    }
}
