package dev.backprop.examples.diagram;

/** What a node of a diagram stands for; the renderers choose its shape from it. */
enum NodeKind {
    /** One input of the network (x3) or, in a neuron diagram, one input of the neuron. */
    INPUT,
    /** One neuron of a dense layer. */
    NEURON,
    /** One output of the network (y0) or of the neuron shown. */
    OUTPUT,
    /** Stands for the neurons, inputs or weights a collapsed column leaves out ("… 508 more"). */
    MORE,
    /** A whole layer, when the diagram shows one node per layer. */
    LAYER,
    /** A neuron diagram's bias. */
    BIAS,
    /** A neuron diagram's weighted sum z. */
    SUM,
    /** A neuron diagram's activation. */
    ACTIVATION
}
