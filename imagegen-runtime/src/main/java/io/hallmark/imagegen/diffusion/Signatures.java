package io.hallmark.imagegen.diffusion;

import io.hallmark.imagegen.diffusion.onnx.OnnxSignature;
import io.hallmark.imagegen.diffusion.onnx.TensorSpec;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Checks that an ONNX file's inputs and outputs are the ones a component of the Optimum layout has. */
final class Signatures {

    /** An input the pipeline feeds: its name, what it must be, and the check. */
    record Expected(String name, String description, Predicate<TensorSpec> accepts) {}

    private Signatures() {}

    /** The named input, checked; throws naming expected and found inputs when any is missing, extra or unfit. */
    static void requireInputs(String component, OnnxSignature signature, List<Expected> expected) {
        Set<String> names = Set.copyOf(expected.stream().map(Expected::name).toList());
        boolean ok = signature.inputs().size() == expected.size()
                && signature.inputs().stream().allMatch(s -> names.contains(s.name()))
                && expected.stream().allMatch(e -> signature.input(e.name()).filter(e.accepts()).isPresent());
        if (!ok) {
            throw new DiffusionModelException(component + " model " + signature.file() + " has inputs "
                    + signature.inputs() + "; expected exactly " + expected.stream()
                            .map(e -> e.name() + " (" + e.description() + ")").toList()
                    + " as Hugging Face Optimum exports a Stable Diffusion " + component
                    + (component.equals("unet") ? " (SDXL and other UNets with extra inputs are not supported)" : ""));
        }
    }

    /** The name of the output called {@code name}, else the first output. */
    static String output(String component, OnnxSignature signature, String name) {
        if (signature.output(name).isPresent()) {
            return name;
        }
        if (signature.outputs().isEmpty()) {
            throw new DiffusionModelException(component + " model " + signature.file() + " has no outputs; expected " + name);
        }
        return signature.outputs().getFirst().name();
    }

    static Predicate<TensorSpec> floatOfRank(int rank) {
        return s -> s.type().isFloatingPoint() && s.rank() == rank;
    }

    /** True if the first dimension may be 2 (dynamic, or fixed at 2): cond and uncond then go in one call. */
    static boolean batchesTwo(TensorSpec spec) {
        return spec.rank() > 0 && (spec.dims().getFirst().isDynamic() || spec.size(0) == 2);
    }
}
