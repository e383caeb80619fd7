package dev.backprop.examples.onnx;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.examples.options.ModelOption;
import dev.backprop.io.model.ModelFiles;
import dev.backprop.onnx.OnnxImport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./backprop import --onnx IN.onnx --model OUT.bpnn}: a feed-forward ONNX model as a Backprop model. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Reads a feed-forward ONNX model, as PyTorch's exporters (TorchScript and dynamo) and"
                + " Keras/tf2onnx write a stack of dense layers: Gemm or MatMul+Add, the activations Backprop has,"
                + " Identity, Dropout and Flatten; float32 weights inline or as external data beside the model"
                + " (model.onnx.data). Saves it as a .bpnn model that summary, diagram, mnist evaluate and predict read.",
            "Anything else is refused with one line naming the node; the model file is written only when the"
                + " import succeeded."})
public final class ImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOption model;

    @Mixin
    private OnnxFileOption onnx;

    private final Provider<PluginRegistry> registry;

    /** @param registry the plugins, from {@code --plugins} */
    @Inject
    ImportCommand(Provider<PluginRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        Path modelFile = model.file();
        if (modelFile == null) {
            throw new InvalidConfigurationException("import needs the model file to write: give --model FILE, e.g."
                    + " ./backprop import --onnx model.onnx --model model.bpnn.");
        }
        Network network = OnnxImport.read(onnx.file(), registry.get());
        ModelFiles.save(network, modelFile);
        PrintWriter out = spec.commandLine().getOut();
        out.println("imported: " + onnx.file().toAbsolutePath().normalize() + " -> " + modelFile.toAbsolutePath().normalize()
                + " (" + OnnxSummary.describe(network) + ")");
        out.flush();
        return 0;
    }
}
