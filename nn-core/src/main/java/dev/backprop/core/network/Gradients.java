package dev.backprop.core.network;

import dev.backprop.api.ShapeMismatchException;
import dev.backprop.core.text.ClosestMatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One gradient tensor {@code ∂E/∂θ} per parameter of a network, paired with the parameters by name
 * ({@code dense_1.weight}, {@code dense_1.bias}, ...) and in the network's order. A training step
 * fills one; a distributed run copies it, {@link #add adds} the gradients of several machines,
 * {@link #scale scales} the sum and ships it {@link #toBytes as bytes} or by Java serialisation.
 *
 * <p>The arrays are mutable and not thread-safe; a {@link TrainingStep}'s own gradients are overwritten
 * by its next pass ({@link #copy} keeps them). Two gradients are compatible when they have the same
 * names in the same order with the same shapes.
 */
public final class Gradients implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int FORMAT = 0x47524431;   // "GRD1"

    private final String[] names;
    private final int[] rows;
    private final int[] columns;
    private final float[][] tensors;
    private final long size;

    private Gradients(String[] names, int[] rows, int[] columns, float[][] tensors) {
        this.names = names;
        this.rows = rows;
        this.columns = columns;
        this.tensors = tensors;
        long total = 0;
        for (float[] tensor : tensors) {
            total += tensor.length;
        }
        this.size = total;
    }

    /** Zero gradients shaped like {@code parameters}, with their names. */
    public static Gradients zerosLike(List<Parameter> parameters) {
        int count = parameters.size();
        String[] names = new String[count];
        int[] rows = new int[count];
        int[] columns = new int[count];
        float[][] tensors = new float[count][];
        for (int i = 0; i < count; i++) {
            Parameter p = parameters.get(i);
            names[i] = p.name();
            rows[i] = p.rows();
            columns[i] = p.columns();
            tensors[i] = new float[p.size()];
        }
        return new Gradients(names, rows, columns, tensors);
    }

    /** The number of tensors (one per parameter). */
    public int count() {
        return tensors.length;
    }

    /** The number of values over every tensor. */
    public long size() {
        return size;
    }

    /** The parameter names, in the network's order. */
    public List<String> names() {
        return List.of(names);
    }

    /** The name of tensor {@code index}. */
    public String name(int index) {
        return names[index];
    }

    /** The live gradient of parameter {@code name}, row-major like the parameter. */
    public float[] get(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return tensors[i];
            }
        }
        throw new IllegalArgumentException("No gradient named '" + name + "': the names are " + names() + "."
                + ClosestMatch.suggestion(name, names()));
    }

    /** The live gradient of tensor {@code index} (the parameter at that position of {@code Network.parameters()}). */
    public float[] tensor(int index) {
        return tensors[index];
    }

    /** A deep copy. */
    public Gradients copy() {
        float[][] copies = new float[tensors.length][];
        for (int i = 0; i < tensors.length; i++) {
            copies[i] = tensors[i].clone();
        }
        return new Gradients(names.clone(), rows.clone(), columns.clone(), copies);
    }

    /** Overwrites every value with {@code other}'s (same names and shapes). */
    public void copyFrom(Gradients other) {
        requireCompatible(other);
        for (int i = 0; i < tensors.length; i++) {
            System.arraycopy(other.tensors[i], 0, tensors[i], 0, tensors[i].length);
        }
    }

    /**
     * Adds {@code other} element by element, in place, and returns this.
     *
     * @throws ShapeMismatchException if the two do not have the same names and shapes
     */
    public Gradients add(Gradients other) {
        requireCompatible(other);
        for (int i = 0; i < tensors.length; i++) {
            float[] target = tensors[i];
            float[] source = other.tensors[i];
            for (int k = 0; k < target.length; k++) {
                target[k] += source[k];
            }
        }
        return this;
    }

    /** Multiplies every value by {@code factor}, in place, and returns this. */
    public Gradients scale(double factor) {
        float f = (float) factor;
        for (float[] tensor : tensors) {
            for (int k = 0; k < tensor.length; k++) {
                tensor[k] *= f;
            }
        }
        return this;
    }

    /** Sets every value to 0. */
    public void zero() {
        for (float[] tensor : tensors) {
            Arrays.fill(tensor, 0f);
        }
    }

    /** The global L2 norm {@code √(Σ_θ Σ_i g_i²)}, summed in double in a fixed order. */
    public double norm() {
        double squares = 0;
        for (float[] tensor : tensors) {
            for (float g : tensor) {
                squares += (double) g * g;
            }
        }
        return Math.sqrt(squares);
    }

    /** Clamps every value to {@code [−bound, bound]}, in place. */
    public void clamp(float bound) {
        for (float[] tensor : tensors) {
            for (int k = 0; k < tensor.length; k++) {
                tensor[k] = Math.max(-bound, Math.min(bound, tensor[k]));
            }
        }
    }

    /**
     * Checks that {@code other} pairs with these: the same names in the same order, the same shapes.
     *
     * @throws ShapeMismatchException naming the first difference
     */
    public void requireCompatible(Gradients other) {
        if (other.tensors.length != tensors.length) {
            throw new ShapeMismatchException("Expected gradients of " + tensors.length + " parameters " + names()
                    + " but found " + other.tensors.length + " " + other.names() + ": combine gradients of the same"
                    + " network architecture.", tensors.length, other.tensors.length);
        }
        for (int i = 0; i < tensors.length; i++) {
            if (!names[i].equals(other.names[i]) || rows[i] != other.rows[i] || columns[i] != other.columns[i]
                    || tensors[i].length != other.tensors[i].length) {
                throw new ShapeMismatchException("Expected gradient " + (i + 1) + " to be '" + names[i] + "' " + rows[i]
                        + " × " + columns[i] + " but found '" + other.names[i] + "' " + other.rows[i] + " × "
                        + other.columns[i] + ": combine gradients of the same network architecture.",
                        tensors[i].length, other.tensors[i].length);
            }
        }
    }

    /** A compact binary form: a format tag, then per tensor its name, shape and values (big-endian floats). */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(tensors.length);
            for (int i = 0; i < tensors.length; i++) {
                out.writeUTF(names[i]);
                out.writeInt(rows[i]);
                out.writeInt(columns[i]);
                for (float v : tensors[i]) {
                    out.writeFloat(v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads gradients written by {@link #toBytes}.
     *
     * @throws IllegalArgumentException if the bytes are not such gradients (wrong tag, bad shape, short)
     */
    public static Gradients fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("Expected gradients written by Gradients.toBytes (tag 0x"
                        + Integer.toHexString(FORMAT) + ") but the bytes start with 0x" + Integer.toHexString(format)
                        + ": pass the bytes toBytes returned, unchanged.");
            }
            int count = in.readInt();
            if (count < 0 || count > bytes.length) {
                throw new IllegalArgumentException("The gradient bytes claim " + count + " tensors in " + bytes.length
                        + " bytes: they are damaged.");
            }
            List<String> names = new ArrayList<>();
            int[] rows = new int[count];
            int[] columns = new int[count];
            float[][] tensors = new float[count][];
            for (int i = 0; i < count; i++) {
                names.add(in.readUTF());
                rows[i] = in.readInt();
                columns[i] = in.readInt();
                long size = (long) rows[i] * columns[i];
                if (rows[i] < 1 || columns[i] < 1 || size * Float.BYTES > in.available()) {
                    throw new IllegalArgumentException("Gradient '" + names.get(i) + "' claims " + rows[i] + " × "
                            + columns[i] + " values but only " + in.available() + " bytes are left: the bytes are"
                            + " damaged or cut short.");
                }
                tensors[i] = new float[(int) size];
                for (int k = 0; k < size; k++) {
                    tensors[i][k] = in.readFloat();
                }
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException("The gradient bytes hold " + in.available() + " bytes after their"
                        + " last tensor: pass exactly the bytes toBytes returned.");
            }
            return new Gradients(names.toArray(String[]::new), rows, columns, tensors);
        } catch (IOException e) {
            throw new IllegalArgumentException("The gradient bytes end too early (" + bytes.length + " bytes): they"
                    + " are damaged or cut short.", e);
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Gradients[");
        for (int i = 0; i < names.length; i++) {
            text.append(i == 0 ? "" : ", ").append(names[i]).append(' ').append(rows[i]).append('×').append(columns[i]);
        }
        return text.append(']').toString();
    }
}
