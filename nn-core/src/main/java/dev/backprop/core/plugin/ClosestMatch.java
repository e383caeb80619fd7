package dev.backprop.core.plugin;

import java.util.Collection;
import java.util.Optional;

/** Finds the candidate nearest to a misspelt word by edit (Levenshtein) distance. */
final class ClosestMatch {

    private ClosestMatch() {
    }

    /** The nearest candidate, if one is within half the word's length (at least 2 edits) of it. */
    static Optional<String> among(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = editDistance(word, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int limit = Math.max(2, word.length() / 2);
        return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Insertions, deletions and substitutions needed to turn {@code a} into {@code b}. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
