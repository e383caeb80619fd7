package dev.backprop.examples.diagram;

/**
 * One node of a diagram.
 *
 * @param id    unique within the diagram, letters, digits and underscores (a Mermaid id)
 * @param label the text shown
 * @param kind  what it stands for
 */
record DiagramNode(String id, String label, NodeKind kind) {
}
