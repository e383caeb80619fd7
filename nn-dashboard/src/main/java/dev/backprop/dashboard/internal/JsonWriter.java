package dev.backprop.dashboard.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes the page's records as compact JSON (one line, as a server-sent event needs), with every NaN or
 * infinity written as {@code null}: JSON has no such numbers, and the charts draw {@code null} as a gap.
 */
public final class JsonWriter {

    private final ObjectMapper mapper;

    /** A writer with the non-finite rule installed. */
    public JsonWriter() {
        SimpleModule finite = new SimpleModule("finite-numbers");
        finite.addSerializer(Double.class, new FiniteDouble());
        finite.addSerializer(double.class, new FiniteDouble());
        finite.addSerializer(double[].class, new FiniteDoubles());
        this.mapper = new ObjectMapper().registerModule(finite);
    }

    /** {@code value} as one line of JSON. */
    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not write the dashboard's JSON for " + value.getClass().getName()
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    private static void writeFinite(double value, JsonGenerator generator) throws IOException {
        if (Double.isFinite(value)) {
            generator.writeNumber(value);
        } else {
            generator.writeNull();
        }
    }

    /** A double, or null when it is not finite. */
    private static final class FiniteDouble extends StdSerializer<Double> {
        private static final long serialVersionUID = 1L;

        FiniteDouble() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            writeFinite(value, generator);
        }
    }

    /** An array of doubles, each null when it is not finite. */
    private static final class FiniteDoubles extends StdSerializer<double[]> {
        private static final long serialVersionUID = 1L;

        FiniteDoubles() {
            super(double[].class);
        }

        @Override
        public void serialize(double[] values, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeStartArray(values, values.length);
            for (double value : values) {
                writeFinite(value, generator);
            }
            generator.writeEndArray();
        }
    }
}
