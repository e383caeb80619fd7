package dev.backprop.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.ShapeMismatchException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientsTest {

    private final Network network = Network.builder().input(3).dense(2, "tanh").dense(1, "sigmoid").build();

    private Gradients filled(float start) {
        Gradients gradients = network.newGradients();
        float v = start;
        for (String name : gradients.names()) {
            float[] tensor = gradients.get(name);
            for (int i = 0; i < tensor.length; i++) {
                tensor[i] = v;
                v += 0.5f;
            }
        }
        return gradients;
    }

    @Test
    void names_pairWithTheParameters_inOrder() {
        assertEquals(List.of("dense_1.weight", "dense_1.bias", "dense_2.weight", "dense_2.bias"),
                network.newGradients().names());
        assertEquals(network.parameters().stream().map(Parameter::name).toList(), network.newGradients().names());
        assertEquals(6, network.newGradients().get("dense_1.weight").length);
    }

    @Test
    void copy_isIndependent_addAndScaleWorkInPlace() {
        Gradients a = filled(1);
        Gradients copy = a.copy();
        a.add(filled(1)).scale(0.5);
        assertArrayEquals(copy.get("dense_2.weight"), a.get("dense_2.weight"), "(g + g) / 2 = g");
        a.scale(2);
        assertEquals(2 * copy.get("dense_1.bias")[1], a.get("dense_1.bias")[1]);
        copy.zero();
        assertTrue(Arrays.equals(new float[6], copy.get("dense_1.weight")));
    }

    @Test
    void bytes_roundTrip_andJavaSerialisation_too() throws IOException, ClassNotFoundException {
        Gradients original = filled(-3);
        Gradients read = Gradients.fromBytes(original.toBytes());
        assertEquals(original.names(), read.names());
        for (String name : original.names()) {
            assertArrayEquals(original.get(name), read.get(name), name);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            Gradients deserialised = (Gradients) in.readObject();
            assertArrayEquals(original.get("dense_2.bias"), deserialised.get("dense_2.bias"));
        }
    }

    @Test
    void damagedBytes_areRefusedWithWhatWasFound() {
        byte[] bytes = filled(0).toBytes();
        IllegalArgumentException shortBytes = assertThrows(IllegalArgumentException.class,
                () -> Gradients.fromBytes(Arrays.copyOf(bytes, bytes.length - 3)));
        assertTrue(shortBytes.getMessage().contains("damaged or cut short"), shortBytes.getMessage());
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 2);
        IllegalArgumentException trailing = assertThrows(IllegalArgumentException.class, () -> Gradients.fromBytes(longer));
        assertTrue(trailing.getMessage().contains("2 bytes after their last tensor"), trailing.getMessage());
        byte[] wrongTag = bytes.clone();
        wrongTag[0] = 0;
        IllegalArgumentException tag = assertThrows(IllegalArgumentException.class, () -> Gradients.fromBytes(wrongTag));
        assertTrue(tag.getMessage().startsWith("Expected gradients written by Gradients.toBytes"), tag.getMessage());
    }

    @Test
    void addingAnotherArchitecture_isRefused_andAnUnknownName_listsTheNames() {
        Gradients other = Network.builder().input(3).dense(2, "tanh").build().newGradients();
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> filled(0).add(other));
        assertTrue(e.getMessage().startsWith("Expected gradients of 4 parameters"), e.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> filled(0).get("dense_3.weight"));
        assertTrue(unknown.getMessage().contains("[dense_1.weight, dense_1.bias, dense_2.weight, dense_2.bias]"),
                unknown.getMessage());
    }

    @Test
    void norm_isTheGlobalL2Norm() {
        Gradients gradients = network.newGradients();
        gradients.get("dense_1.weight")[0] = 3;
        gradients.get("dense_2.bias")[0] = 4;
        assertEquals(5.0, gradients.norm());
    }
}
