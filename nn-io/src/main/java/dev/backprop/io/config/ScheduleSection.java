package dev.backprop.io.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.text.ClosestMatch;
import dev.backprop.core.train.LearningRateSchedule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code training.schedule}: the learning-rate schedule, read and written through one table of
 * schedule types ({@link Type}), each with its keys, an example, how to read it and how to write it.
 * <pre>{@code
 * schedule: cosine                                  # constant and cosine may be written as text
 * schedule: {type: step, every_epochs: 10, factor: 0.5}
 * schedule: {type: linear_warmup, warmup_epochs: 2, then: {type: cosine, minimum_fraction: 0.1}}
 * }</pre>
 */
final class ScheduleSection {

    private static final String TYPE_EXAMPLE = "{type: cosine, minimum_fraction: 0.0}";

    private ScheduleSection() {
    }

    /** The schedule types a config file can name: the table that reading and writing share. */
    enum Type {
        /** The initial rate throughout. */
        CONSTANT("constant", "{type: constant}", true) {
            @Override
            LearningRateSchedule read(ConfigNode node) {
                return LearningRateSchedule.constant();
            }

            @Override
            boolean writes(LearningRateSchedule schedule) {
                return schedule instanceof LearningRateSchedule.Constant;
            }

            @Override
            void writeKeys(LearningRateSchedule schedule, ObjectNode node) {
                // no keys besides the type
            }
        },
        /** Multiplied by {@code factor} every {@code every_epochs} epochs. */
        STEP("step", "{type: step, every_epochs: 10, factor: 0.5}", false, "every_epochs", "factor") {
            @Override
            LearningRateSchedule read(ConfigNode node) {
                int every = node.required("every_epochs", "every_epochs: 10").intValue(1, "10");
                ConfigNode factorNode = node.required("factor", "factor: 0.5");
                double factor = factorNode.doubleValue("0.5");
                return checked(() -> LearningRateSchedule.step(every, factor), factorNode, "a factor in (0, 1]",
                        factor, "use for example 0.5 to halve the rate every " + every + " epochs");
            }

            @Override
            boolean writes(LearningRateSchedule schedule) {
                return schedule instanceof LearningRateSchedule.StepDecay;
            }

            @Override
            void writeKeys(LearningRateSchedule schedule, ObjectNode node) {
                LearningRateSchedule.StepDecay step = (LearningRateSchedule.StepDecay) schedule;
                node.put("every_epochs", step.everyEpochs());
                node.put("factor", step.factor());
            }
        },
        /** Multiplied by {@code decay} every epoch. */
        EXPONENTIAL("exponential", "{type: exponential, decay: 0.95}", false, "decay") {
            @Override
            LearningRateSchedule read(ConfigNode node) {
                ConfigNode decayNode = node.required("decay", "decay: 0.95");
                double decay = decayNode.doubleValue("0.95");
                return checked(() -> LearningRateSchedule.exponential(decay), decayNode, "a decay in (0, 1]", decay,
                        "use for example 0.95");
            }

            @Override
            boolean writes(LearningRateSchedule schedule) {
                return schedule instanceof LearningRateSchedule.ExponentialDecay;
            }

            @Override
            void writeKeys(LearningRateSchedule schedule, ObjectNode node) {
                node.put("decay", ((LearningRateSchedule.ExponentialDecay) schedule).decay());
            }
        },
        /** Cosine annealing to {@code minimum_fraction} of the rate (default 0.0). */
        COSINE("cosine", "{type: cosine, minimum_fraction: 0.0}", true, "minimum_fraction") {
            @Override
            LearningRateSchedule read(ConfigNode node) {
                Optional<ConfigNode> fractionNode = node.isMapping() ? node.optional("minimum_fraction")
                        : Optional.empty();
                double fraction = fractionNode.map(n -> n.doubleValue("0.0")).orElse(0.0);
                return fractionNode.isEmpty() ? LearningRateSchedule.cosine(fraction)
                        : checked(() -> LearningRateSchedule.cosine(fraction), fractionNode.get(),
                        "a fraction in [0, 1]", fraction,
                        "use for example 0.0 to anneal to zero or 0.1 to end at a tenth of the rate");
            }

            @Override
            boolean writes(LearningRateSchedule schedule) {
                return schedule instanceof LearningRateSchedule.CosineDecay;
            }

            @Override
            void writeKeys(LearningRateSchedule schedule, ObjectNode node) {
                node.put("minimum_fraction", ((LearningRateSchedule.CosineDecay) schedule).minimumFraction());
            }
        },
        /** A linear ramp over {@code warmup_epochs}, then another schedule ({@code then}, default constant). */
        LINEAR_WARMUP("linear_warmup", "{type: linear_warmup, warmup_epochs: 2, then: {type: cosine}}", false,
                "warmup_epochs", "then") {
            @Override
            LearningRateSchedule read(ConfigNode node) {
                int warmup = node.required("warmup_epochs", "warmup_epochs: 2").intValue(1, "2");
                LearningRateSchedule then = node.optional("then").map(ScheduleSection::read)
                        .orElse(LearningRateSchedule.constant());
                return LearningRateSchedule.linearWarmup(warmup, then);
            }

            @Override
            boolean writes(LearningRateSchedule schedule) {
                return schedule instanceof LearningRateSchedule.LinearWarmup;
            }

            @Override
            void writeKeys(LearningRateSchedule schedule, ObjectNode node) {
                LearningRateSchedule.LinearWarmup warmup = (LearningRateSchedule.LinearWarmup) schedule;
                node.put("warmup_epochs", warmup.warmupEpochs());
                node.set("then", ScheduleSection.write(warmup.after()));
            }
        };

        private final String name;
        private final String example;
        private final boolean textShorthand;
        private final List<String> keys;

        Type(String name, String example, boolean textShorthand, String... keys) {
            this.name = name;
            this.example = example;
            this.textShorthand = textShorthand;
            List<String> all = new ArrayList<>();
            all.add("type");
            all.addAll(Arrays.asList(keys));
            this.keys = List.copyOf(all);
        }

        /** The schedule written at {@code node}, a mapping of {@link #keys} (or the bare type name). */
        abstract LearningRateSchedule read(ConfigNode node);

        /** True if this type writes {@code schedule}. */
        abstract boolean writes(LearningRateSchedule schedule);

        /** Puts {@code schedule}'s keys, besides the type, into {@code node}. */
        abstract void writeKeys(LearningRateSchedule schedule, ObjectNode node);

        static List<String> names() {
            return Arrays.stream(values()).map(t -> t.name).toList();
        }

        static Optional<Type> named(String name) {
            return Arrays.stream(values()).filter(t -> t.name.equals(name)).findFirst();
        }
    }

    /** Reads the schedule at {@code node}: a mapping with a {@code type}, or a type name as text. */
    static LearningRateSchedule read(ConfigNode node) {
        if (node.isText()) {
            Type type = type(node);
            if (!type.textShorthand) {
                throw node.typeError("a mapping with keys " + String.join(", ", type.keys),
                        "write it as a mapping, for example " + type.example);
            }
            return type.read(node);
        }
        if (!node.isMapping()) {
            throw node.typeError("a schedule mapping with a type (" + String.join(", ", Type.names()) + ")",
                    "write it as a mapping, for example " + TYPE_EXAMPLE);
        }
        Type type = type(node.required("type", "type: cosine"));
        node.requireMapping(type.keys, type.example);
        return type.read(node);
    }

    /**
     * {@code schedule} as a config file writes it.
     *
     * @throws IllegalArgumentException for a schedule class of the user's own, which has no type name
     */
    static JsonNode write(LearningRateSchedule schedule) {
        for (Type type : Type.values()) {
            if (type.writes(schedule)) {
                ObjectNode node = JsonNodeFactory.instance.objectNode();
                node.put("type", type.name);
                type.writeKeys(schedule, node);
                return node;
            }
        }
        throw new IllegalArgumentException("the learning-rate schedule " + schedule + " ("
                + schedule.getClass().getName() + ") is not one of the types a config file names ("
                + String.join(", ", Type.names()) + ")");
    }

    private static Type type(ConfigNode typeNode) {
        String name = typeNode.textValue(TYPE_EXAMPLE);
        return Type.named(name).orElseThrow(() -> typeNode.error(
                "a schedule type, one of " + String.join(", ", Type.names()), "\"" + name + "\"",
                ClosestMatch.among(name, Type.names()).map(c -> "did you mean '" + c + "'? ").orElse("")
                        + "use one of the types listed"));
    }

    /** The schedule {@code factory} builds, or an error at {@code node} if it rejects {@code value}. */
    private static LearningRateSchedule checked(Supplier<LearningRateSchedule> factory, ConfigNode node,
                                                String expected, double value, String fix) {
        try {
            return factory.get();
        } catch (InvalidConfigurationException e) {
            throw node.error(expected, String.valueOf(value), fix);
        }
    }
}
