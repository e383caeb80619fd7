package dev.backprop.io.model;

import dev.backprop.core.train.LearningRateSchedule;
import java.io.IOException;

/**
 * A learning-rate schedule inside a model file's training configuration: a kind as text, then its
 * values: {@code "constant"}; {@code "step"} (int every, double factor); {@code "exponential"}
 * (double decay); {@code "cosine"} (double final fraction); {@code "warmup"} (int epochs, then another
 * schedule). Only these built-in schedules can be stored ({@link #requireStorable}).
 */
final class ScheduleSection {

    /** Nested schedules (warm-up, then another) deeper than this mean a corrupted file. */
    static final int MAX_DEPTH = 8;

    private ScheduleSection() {
    }

    /**
     * Throws a {@link ModelFormatException} before anything is written if {@code schedule} cannot be
     * stored (a schedule class of the user's own), so a run learns it at its first save.
     */
    static void requireStorable(LearningRateSchedule schedule) {
        requireStorable(schedule, 0);
    }

    private static void requireStorable(LearningRateSchedule schedule, int depth) {
        if (schedule instanceof LearningRateSchedule.LinearWarmup warmup && depth < MAX_DEPTH) {
            requireStorable(warmup.after(), depth + 1);
        } else if (!(schedule instanceof LearningRateSchedule.Constant
                || schedule instanceof LearningRateSchedule.StepDecay
                || schedule instanceof LearningRateSchedule.ExponentialDecay
                || schedule instanceof LearningRateSchedule.CosineDecay)) {
            throw new ModelFormatException("Cannot store the learning-rate schedule " + schedule + " ("
                    + schedule.getClass().getName() + ") in a model file: only the built-in schedules (constant,"
                    + " step, exponential, cosine, linear warm-up, nested up to " + MAX_DEPTH + " deep) can"
                    + " be saved. Use one of them, or save the model without its training configuration.");
        }
    }

    /** Writes {@code schedule}, which {@link #requireStorable} accepted. */
    static void write(LearningRateSchedule schedule, ModelOutput out) throws IOException {
        if (schedule instanceof LearningRateSchedule.StepDecay step) {
            out.writeUtf("step");
            out.writeInt(step.everyEpochs());
            out.writeDouble(step.factor());
        } else if (schedule instanceof LearningRateSchedule.ExponentialDecay exponential) {
            out.writeUtf("exponential");
            out.writeDouble(exponential.decay());
        } else if (schedule instanceof LearningRateSchedule.CosineDecay cosine) {
            out.writeUtf("cosine");
            out.writeDouble(cosine.minimumFraction());
        } else if (schedule instanceof LearningRateSchedule.LinearWarmup warmup) {
            out.writeUtf("warmup");
            out.writeInt(warmup.warmupEpochs());
            write(warmup.after(), out);
        } else {
            out.writeUtf("constant");
        }
    }

    /** Reads a schedule as stored. */
    static Raw read(ModelInput in) throws IOException {
        return read(in, 0);
    }

    private static Raw read(ModelInput in, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw in.corrupted("the learning-rate schedule nests more than " + MAX_DEPTH + " warm-ups");
        }
        String kind = in.readUtf("the learning-rate schedule");
        return switch (kind) {
            case "step" -> new Raw(kind, in.readInt("the step schedule's interval"),
                    in.readDouble("the step schedule's factor"), null);
            case "exponential" -> new Raw(kind, 0, in.readDouble("the exponential schedule's decay"), null);
            case "cosine" -> new Raw(kind, 0, in.readDouble("the cosine schedule's final fraction"), null);
            case "warmup" -> new Raw(kind, in.readInt("the warm-up's epochs"), 0, read(in, depth + 1));
            default -> new Raw(kind, 0, 0, null);
        };
    }

    /** A schedule as stored. */
    record Raw(String kind, int count, double value, Raw after) {

        /** The schedule, validated by its factory. */
        LearningRateSchedule toSchedule() {
            return switch (kind) {
                case "constant" -> LearningRateSchedule.constant();
                case "step" -> LearningRateSchedule.step(count, value);
                case "exponential" -> LearningRateSchedule.exponential(value);
                case "cosine" -> LearningRateSchedule.cosine(value);
                case "warmup" -> LearningRateSchedule.linearWarmup(count, after.toSchedule());
                default -> throw new ModelFormatException("unknown learning-rate schedule '" + kind
                        + "' (expected constant, step, exponential, cosine or warmup).");
            };
        }
    }
}
