package dev.backprop.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.backprop.api.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

class DatasetSizeTest {

    @Test
    void select_moreValuesThanOneArrayHolds_isRefusedBeforeAllocating() {
        Dataset wide = new Dataset(new float[100_000], 100_000, new float[] {1}, 1);
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> wide.select(new int[30_000]));
        assertEquals("30000 examples of 100000 feature values need 3000000000 values in one array, more than the"
                + " 2147483639 a Java array holds: use at most 21474 examples, or fewer features per example.",
                e.getMessage());
    }
}
