package dev.backprop.onnx;

import dev.backprop.api.BackpropException;

/**
 * An ONNX model could not be imported: the file is not an ONNX model, or its graph uses an operator,
 * a tensor type, a shape or an external data file that Backprop does not accept. The message names the
 * node or tensor to blame, says what was expected and what was found, and how to fix it.
 */
public class OnnxImportException extends BackpropException {

    private static final long serialVersionUID = 1L;

    /** @param message what was expected, what was found and how to fix it */
    public OnnxImportException(String message) {
        super(message);
    }

    /**
     * @param message what was expected, what was found and how to fix it
     * @param cause   the underlying failure
     */
    public OnnxImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
