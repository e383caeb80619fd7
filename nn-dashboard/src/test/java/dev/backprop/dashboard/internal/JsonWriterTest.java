package dev.backprop.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void nonFiniteNumbers_areWrittenAsNull() {
        String json = new JsonWriter().write(new Views.NormPoint(1.5, Double.NaN, new double[] {2, Double.NaN},
                new double[] {Double.POSITIVE_INFINITY}));
        assertEquals("{\"x\":1.5,\"t\":null,\"weights\":[2.0,null],\"gradients\":[null]}", json);
    }

    @Test
    void records_areWrittenOnOneLine() {
        String json = new JsonWriter().write(new Views.Status("running", "a\nb"));
        assertEquals("{\"state\":\"running\",\"message\":\"a\\nb\"}", json);
        assertEquals(List.of(json), json.lines().toList());
    }
}
