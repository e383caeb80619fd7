package dev.backprop.examples.console;

import dev.backprop.core.train.BatchReport;
import dev.backprop.core.train.EpochReport;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingHistory;
import dev.backprop.core.train.TrainingListener;
import java.io.Console;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * Shows training as it goes. On a terminal, one progress bar per epoch (the me.tongfei progressbar
 * library, on stderr like every progress display) with the examples done, the ETA, the batch, the
 * running mean loss and samples per second; when the epoch ends, the bar clears itself and the epoch's
 * line (below) stays. Elsewhere (a pipe, a file, a test), only that line, one per epoch, on the given
 * writer:
 *
 * <pre>epoch 3/20  loss=0.4123  acc=0.8512  val_loss=0.4410  val_acc=0.8420  1.52s  39400 samples/s</pre>
 *
 * <p>{@code acc} and {@code val_acc} appear for {@link ProblemKind#CLASSIFICATION} only; validation
 * figures when the run was declared to measure validation data, or from the first epoch that has any. A
 * figure the trainer never measured (NaN from the start) is left out, but once a figure has shown, every
 * later line has it: a figure that went NaN or infinite prints as {@code nan}, {@code inf} or
 * {@code -inf}, never vanishes. Losses show 4 decimals, or 4 significant digits when smaller than 0.001
 * (a regression's loss of {@code 0.0001234} stays readable).
 */
public final class TrainingProgress implements TrainingListener {

    /** How progress is shown. */
    public enum Display {
        /** A progress bar that redraws itself, for an interactive terminal. */
        TERMINAL,
        /** One line per epoch, for logs, pipes and tests. */
        PLAIN;

        /**
         * {@link #TERMINAL} when the JVM has an interactive console ({@code System.console() != null} and,
         * on Java 22 and later, {@code Console.isTerminal()}).
         */
        public static Display detect() {
            Console console = System.console();
            if (console == null) {
                return PLAIN;
            }
            try {
                // Java 22 on may return a console for redirected output; its isTerminal() tells.
                Object terminal = Console.class.getMethod("isTerminal").invoke(console);
                return Boolean.TRUE.equals(terminal) ? TERMINAL : PLAIN;
            } catch (ReflectiveOperationException beforeJava22) {
                return TERMINAL;
            }
        }
    }

    private static final int BAR_REFRESH_MILLIS = 200;
    private static final BigDecimal SMALL = new BigDecimal("0.001");
    private static final MathContext FOUR_DIGITS = new MathContext(4);

    private final PrintWriter out;
    private final ProblemKind kind;
    private final Display display;
    /** Where bars are drawn; null for the library's console consumer (stderr, sized to the terminal). */
    private final Supplier<ProgressBarConsumer> barConsumer;

    private boolean showAccuracy;
    private boolean showValidation;
    private int epochs;
    private int examples;
    private ProgressBar bar;
    private double epochLossSum;
    private long epochRows;
    private long epochStart;

    /**
     * Progress on {@code out}, as a bar when the JVM has a console, as plain lines otherwise.
     *
     * @param out  where plain lines go (bars go to stderr)
     * @param kind whether accuracy figures are shown
     */
    public TrainingProgress(PrintWriter out, ProblemKind kind) {
        this(out, kind, Display.detect());
    }

    /**
     * As {@link #TrainingProgress(PrintWriter, ProblemKind)}, for a run that measures validation data after
     * each epoch when {@code validation} is true: every line then has the validation figures, {@code nan}
     * when one is not a number.
     */
    public TrainingProgress(PrintWriter out, ProblemKind kind, boolean validation) {
        this(out, kind);
        this.showValidation = validation;
    }

    /**
     * @param out     where plain lines go (bars go to stderr)
     * @param kind    whether accuracy figures are shown
     * @param display bars or plain lines, whatever the console
     */
    public TrainingProgress(PrintWriter out, ProblemKind kind, Display display) {
        this(out, kind, display, null);
    }

    /** As above, drawing bars through {@code barConsumer} (a test seam); null for the console. */
    TrainingProgress(PrintWriter out, ProblemKind kind, Display display, Supplier<ProgressBarConsumer> barConsumer) {
        this.out = Objects.requireNonNull(out, "out");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.display = Objects.requireNonNull(display, "display");
        this.barConsumer = barConsumer;
    }

    @Override
    public void onTrainingStart(TrainingConfig config, int examples) {
        this.epochs = config.epochs();
        this.examples = examples;
        this.epochStart = System.nanoTime();
    }

    @Override
    public void onBatchEnd(BatchReport report) {
        if (display != Display.TERMINAL) {
            return;
        }
        if (bar == null) {
            openBar(report);
        }
        epochLossSum += report.loss() * report.rows();
        epochRows += report.rows();
        bar.stepBy(report.rows());
        bar.setExtraMessage(String.format(Locale.ROOT, " loss=%s  %s samples/s", loss(epochLossSum / epochRows),
                speed(epochRows, (System.nanoTime() - epochStart) / 1e9)));
    }

    @Override
    public void onEpochEnd(EpochReport report) {
        // The finished bar clears itself and the epoch's full line stays: bars are for the epoch under way,
        // and a terminal of any width keeps every epoch's figures.
        closeBar();
        out.println(line(report));
        out.flush();
        epochStart = System.nanoTime();
    }

    @Override
    public void onTrainingEnd(TrainingHistory history) {
        closeBar();
    }

    /** The plain line for one epoch, as described in the class comment. */
    String line(EpochReport report) {
        return String.format(Locale.ROOT, "epoch %d/%d  %s  %s", report.epoch(), report.epochs(), figures(report),
                timing(report));
    }

    /** {@code 1.52s  39400 samples/s}: the epoch's training time and speed. */
    private static String timing(EpochReport report) {
        return String.format(Locale.ROOT, "%.2fs  %s samples/s", report.seconds(),
                speed(report.examples(), report.seconds()));
    }

    private static String speed(long samples, double seconds) {
        return seconds > 0 ? String.format(Locale.ROOT, "%.0f", samples / seconds) : "-";
    }

    /**
     * {@code loss=… acc=… val_loss=… val_acc=…}, each when it applies and was measured in this epoch or
     * an earlier one (then a NaN shows as {@code nan}).
     */
    private String figures(EpochReport report) {
        StringBuilder text = new StringBuilder("loss=").append(loss(report.loss()));
        showAccuracy |= kind.hasAccuracy() && !Double.isNaN(report.accuracy());
        showValidation |= !Double.isNaN(report.validationLoss()) || !Double.isNaN(report.validationAccuracy());
        if (showAccuracy) {
            text.append("  acc=").append(Figure.format("%.4f", report.accuracy()));
        }
        if (showValidation) {
            text.append("  val_loss=").append(loss(report.validationLoss()));
            if (kind.hasAccuracy()) {
                text.append("  val_acc=").append(Figure.format("%.4f", report.validationAccuracy()));
            }
        }
        return text.toString();
    }

    /**
     * 4 decimals; 4 significant digits below 0.001, so that small losses do not print as 0.0000; nan,
     * inf or -inf when not finite.
     */
    static String loss(double value) {
        if (!Double.isFinite(value)) {
            return Figure.nonFinite(value);
        }
        BigDecimal decimal = new BigDecimal(value);
        if (value == 0 || decimal.abs().compareTo(SMALL) >= 0) {
            return String.format(Locale.ROOT, "%.4f", value);
        }
        return decimal.round(FOUR_DIGITS).toPlainString();
    }

    private void openBar(BatchReport report) {
        out.flush(); // what was printed before the bar stays above it
        ProgressBarBuilder builder = ProgressBar.builder()
                .setTaskName(String.format(Locale.ROOT, "epoch %d/%d", report.epoch(), epochs))
                .setInitialMax(examples)
                .setUnit(" samples", 1)
                .setUpdateIntervalMillis(BAR_REFRESH_MILLIS)
                .clearDisplayOnFinish();
        if (barConsumer != null) {
            builder.setConsumer(barConsumer.get());
        }
        bar = builder.build();
        epochLossSum = 0;
        epochRows = 0;
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
