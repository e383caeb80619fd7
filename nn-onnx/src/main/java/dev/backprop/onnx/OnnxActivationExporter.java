package dev.backprop.onnx;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;

/**
 * The hook that lets a third-party activation be exported to ONNX: it writes the activation as ONNX
 * nodes on a layer's pre-activations. Built-in activations need none.
 *
 * <p>An exporter is found, for a layer whose activation is not built in, in this order:
 * <ol>
 *   <li>one given to {@link OnnxExport#activationExporter(OnnxActivationExporter)} for that id;</li>
 *   <li>the activation itself, when its class implements this interface (its {@link #activationId()}
 *       is then not consulted);</li>
 *   <li>a service found by {@link java.util.ServiceLoader} (listed in
 *       {@code META-INF/services/dev.backprop.onnx.OnnxActivationExporter}, or {@code provides} in a
 *       module-info) whose {@link #activationId()} is the activation's id, searched in the activation's
 *       class loader and then in nn-onnx's.</li>
 * </ol>
 * A layer for which none exists fails the export with an {@link OnnxExportException} naming the plugin,
 * the layer and this interface. Implementations must be stateless and have a public no-argument
 * constructor when listed as a service.
 */
public interface OnnxActivationExporter {

    /** The id of the activation this exporter writes, for example {@code acme.swish}. */
    PluginId activationId();

    /**
     * Adds the nodes computing {@code activation} element-wise (or row-wise) on tensor {@code input}, a
     * float32 {@code [batch, width]} matrix, and returns the name of the tensor holding the result, of the same shape.
     *
     * @param activation the layer's activation, its settings applied (read them from it)
     * @param input      the name of the layer's pre-activations
     * @param graph      where to add nodes and constants
     * @return the name of the output tensor, one that {@code graph} returned
     */
    String export(Activation activation, String input, OnnxGraph graph);
}
