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
    void anExtraLetterAtTheEnd_meansThePrefix_notASameLengthNeighbour() {
        List<String> activations = List.of("elu", "gelu", "relu6", "relu", "selu", "leaky_relu");
        assertEquals(Optional.of("relu"), ClosestMatch.among("relux", activations));
        assertEquals(Optional.of("relu"), ClosestMatch.among("relu_", activations));
        assertEquals(Optional.of("relu6"), ClosestMatch.among("relu6x", activations), "the longer prefix is nearer");
        List<String> optimizers = List.of("adamw", "adamax", "adam", "nadam", "adagrad", "adadelta");
        assertEquals(Optional.of("adam"), ClosestMatch.among("adamm", optimizers));
        assertEquals(Optional.of("adam"), ClosestMatch.among("ada", optimizers), "the nearest of six prefix matches");
        assertEquals(Optional.of("adamax"), ClosestMatch.among("adamaxx", optimizers));
    }

    @Test
    void aTruncatedWord_meansTheCandidateItBegins_evenBeyondTheEditLimit() {
        assertEquals(Optional.of("leaky_relu"), ClosestMatch.among("leaky", List.of("elu", "relu", "leaky_relu")));
        assertEquals(Optional.of("learning_rate"), ClosestMatch.among("learning_rat",
                List.of("beta1", "beta2", "epsilon", "learning_rate")));
        assertEquals(Optional.of("categorical_cross_entropy"), ClosestMatch.among("categorical",
                List.of("mse", "sparse_categorical_cross_entropy", "categorical_cross_entropy")));
    }

    @Test
    void singleEdits_comeAfterPrefixMatches_andBeforeWordsTwoEditsAway() {
        assertEquals(Optional.of("momentum"), ClosestMatch.among("momentun", List.of("nesterov", "momentum")));
        assertEquals(Optional.of("sgd"), ClosestMatch.among("sdg", List.of("adam", "sgd")));
        assertEquals(Optional.of("rmsprop"), ClosestMatch.among("rmsprp", List.of("adagrad", "rmsprop")));
        assertEquals(Optional.of("relu"), ClosestMatch.among("relu7", List.of("relu6", "relu")),
                "a prefix match beats a single edit");
        assertEquals(Optional.of("mae"), ClosestMatch.among("mea", List.of("huber", "mse", "mae")),
                "a swap is one edit, mse two");
    }

    @Test
    void anExactMatch_alwaysWins() {
        assertEquals(Optional.of("adam"), ClosestMatch.among("adam", List.of("adamw", "nadam", "adam")));
        assertEquals(Optional.of("relu"), ClosestMatch.among("relu", List.of("relu6", "relu")));
        assertEquals(Optional.of("l1"), ClosestMatch.among("l1", List.of("l2", "l1")), "also shorter than a prefix");
    }

    @Test
    void shortWords_needThreeSharedLettersToCountAsAPrefix() {
        assertEquals(Optional.empty(), ClosestMatch.among("x", List.of("xavier_uniform_with_a_long_name")));
        assertEquals(Optional.empty(), ClosestMatch.among("ad", List.of("adadelta_but_longer")));
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
