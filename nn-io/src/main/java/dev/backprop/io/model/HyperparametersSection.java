package dev.backprop.io.model;

import dev.backprop.api.Hyperparameters;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plugin's settings inside a model file: a count, then per setting its name and value. Format
 * version 4 tags each value with its kind, so that switches and text survive a save:
 * <pre>
 * count            int
 * per setting:
 *   name           utf
 *   kind           byte    'N' (0x4E) number, 'S' (0x53) switch, 'T' (0x54) text   (version 4 on)
 *   value          double for a number (all values before version 4), boolean byte (0 or 1) for a
 *                  switch, utf for text
 * </pre>
 * Reading keeps the values raw; {@link #toHyperparameters} validates them once the checksum has passed.
 */
final class HyperparametersSection {

    /** The kind tag of a number. */
    static final byte NUMBER = 'N';
    /** The kind tag of a switch. */
    static final byte SWITCH = 'S';
    /** The kind tag of text. */
    static final byte TEXT = 'T';
    /** The first format version whose settings carry kind tags. */
    static final int TAGGED_SINCE = 4;

    private HyperparametersSection() {
    }

    /** Writes {@code settings}, each with its kind tag. */
    static void write(Hyperparameters settings, ModelOutput out) throws IOException {
        out.writeInt(settings.asMap().size());
        for (Map.Entry<String, Object> setting : settings.asMap().entrySet()) {
            out.writeUtf(setting.getKey());
            Object value = setting.getValue();
            if (value instanceof Boolean flag) {
                out.writeByte(SWITCH);
                out.writeBoolean(flag);
            } else if (value instanceof String text) {
                out.writeByte(TEXT);
                out.writeUtf(text);
            } else {
                out.writeByte(NUMBER);
                out.writeDouble(((Number) value).doubleValue());
            }
        }
    }

    /**
     * Reads settings as stored: a name to a Double, Boolean or String.
     *
     * @param version the file's format version: before 4 every value is an untagged double
     * @param owner   whose settings these are, for messages ({@code "the activation of layer 2"})
     */
    static Map<String, Object> read(ModelInput in, int version, String owner) throws IOException {
        int count = in.readCount("the setting count of " + owner, 0, ModelLimits.MAX_SETTINGS);
        Map<String, Object> values = new LinkedHashMap<>();
        for (int k = 0; k < count; k++) {
            String name = in.readUtf("the name of setting " + (k + 1) + " of " + owner);
            String what = "setting '" + name + "' of " + owner;
            values.put(name, version >= TAGGED_SINCE ? readTagged(in, what) : in.readDouble("the value of " + what));
        }
        return values;
    }

    private static Object readTagged(ModelInput in, String what) throws IOException {
        byte kind = in.readByte("the kind of " + what);
        switch (kind) {
            case NUMBER:
                return in.readDouble("the value of " + what);
            case SWITCH:
                byte flag = in.readByte("the value of " + what);
                if (flag != 0 && flag != 1) {
                    throw in.unreadable("the switch " + what + " holds the byte " + flag + " where 0 (false) or 1"
                            + " (true) was expected", "save the model again.");
                }
                return flag == 1;
            case TEXT:
                return in.readUtf("the value of " + what);
            default:
                throw in.unreadable("the kind of " + what + " is the byte " + kind + " where 'N' (78, a number),"
                        + " 'S' (83, a switch) or 'T' (84, text) was expected", "save the model again, or load it"
                        + " with the Backprop that saved it.");
        }
    }

    /** The validated settings (names not blank, numbers finite, text not blank). */
    static Hyperparameters toHyperparameters(Map<String, Object> raw) {
        return Hyperparameters.of(raw);
    }
}
