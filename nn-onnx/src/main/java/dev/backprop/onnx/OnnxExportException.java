package dev.backprop.onnx;

import dev.backprop.api.BackpropException;

/** An ONNX export failed: an activation without an ONNX form, a hook that misbehaved, or a file that could not be written. */
public class OnnxExportException extends BackpropException {

    private static final long serialVersionUID = 1L;

    /** @param message what was expected, what was found and how to fix it */
    public OnnxExportException(String message) {
        super(message);
    }

    /**
     * @param message what was expected, what was found and how to fix it
     * @param cause   the underlying failure
     */
    public OnnxExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
