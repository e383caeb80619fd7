package dev.backprop.examples.onnx;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.examples.options.ModelOption;
import dev.backprop.io.model.ModelFiles;
import dev.backprop.onnx.OnnxExport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./backprop export --model FILE --onnx OUT.onnx}: a saved model as an ONNX model, for ONNX Runtime and other tools. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes a saved model (.bpnn) as an ONNX model: each dense layer a Gemm, each activation its"
                + " ONNX operators, a symbolic batch dimension (input 'input' [batch, inputs], output 'output'"
                + " [batch, outputs]). ONNX Runtime serves it in Python, Java, C#, C++ and the browser.",
            "The file is written atomically: on any error the previous file is unchanged."})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOption model;

    @Mixin
    private OnnxFileOption onnx;

    @Option(names = "--opset", paramLabel = "N", defaultValue = "" + OnnxExport.DEFAULT_OPSET,
            description = "The ONNX opset of the default domain, " + OnnxExport.MIN_OPSET + " to " + OnnxExport.MAX_OPSET
                    + " (default: ${DEFAULT-VALUE}).")
    int opset;

    private final Provider<PluginRegistry> registry;

    /** @param registry the plugins, from {@code --plugins} */
    @Inject
    ExportCommand(Provider<PluginRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        Path modelFile = model.file();
        if (modelFile == null) {
            throw new InvalidConfigurationException("export needs the model to export: give --model FILE (a .bpnn"
                    + " saved by training), e.g. ./backprop export --model mnist.bpnn --onnx mnist.onnx.");
        }
        PluginRegistry plugins = registry.get();
        Network network = ModelFiles.load(modelFile, plugins);
        OnnxExport.exporter().registry(plugins).opset(opset).writeFile(network, onnx.file());
        PrintWriter out = spec.commandLine().getOut();
        out.println("exported: " + onnx.file().toAbsolutePath().normalize() + " (ONNX opset " + opset + ", "
                + OnnxSummary.describe(network) + ")");
        out.flush();
        return 0;
    }
}
