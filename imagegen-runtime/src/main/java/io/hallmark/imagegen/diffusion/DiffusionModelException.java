package io.hallmark.imagegen.diffusion;

/**
 * A Stable Diffusion model folder that cannot be used: a component missing from the Optimum layout, an unreadable
 * config, or an ONNX file whose inputs are not the ones the pipeline feeds. The message names the file and what was
 * expected.
 */
public class DiffusionModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DiffusionModelException(String message) {
        super(message);
    }

    public DiffusionModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
