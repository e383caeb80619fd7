package dev.backprop.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClosestMatchTest {

    @Test
    void swappedLetters_countAsOneEdit() {
        assertEquals(1, ClosestMatch.editDistance("rleu", "relu"));
        assertEquals(Optional.of("relu"), ClosestMatch.among("rleu", List.of("elu", "relu", "selu")));
    }

    @Test
    void ties_preferTheCandidateOfSimilarLength() {
        assertEquals(Optional.of("adam"), ClosestMatch.among("adma", List.of("adamax", "adam", "nadam")));
    }

    @Test
    void farWords_getNoSuggestion() {
        assertEquals(Optional.empty(), ClosestMatch.among("levenberg_marquardt", List.of("adam", "sgd")));
    }

    @Test
    void amongIgnoringCase_comparesWithoutCase_andReturnsTheCandidateAsGiven() {
        assertEquals(Optional.of("Species"), ClosestMatch.amongIgnoringCase("specie", List.of("sepal", "Species")));
        assertEquals(Optional.empty(), ClosestMatch.among("SPECIES", List.of("species")));
    }

    @Test
    void noCandidates_giveNoSuggestion() {
        assertEquals(Optional.empty(), ClosestMatch.among("relu", List.of()));
    }
}
