package dev.backprop.examples.diagram;

/**
 * One arrow of a diagram.
 *
 * @param from   the source node's id
 * @param to     the target node's id
 * @param weight the weight it carries, or {@code NaN} when it has none (a configuration, a collapsed node, a
 *               layer-to-layer arrow): then it is drawn in uniform grey
 * @param label  the text on it, or {@code null}
 */
record DiagramEdge(String from, String to, double weight, String label) {

    /** Whether it carries a weight (and is coloured by its sign and sized by its magnitude). */
    boolean weighted() {
        return !Double.isNaN(weight);
    }
}
