package io.hallmark.imagegen.diffusion;

import io.hallmark.imagegen.OnnxSignature;
import io.hallmark.imagegen.OnnxSignature.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Checks that an ONNX file's inputs and outputs are the ones a component of the Optimum layout has. */
final class Signatures {

    /** An input the pipeline feeds: its name, what it must be, and the check. */
    record Expected(String name, String description, Predicate<Tensor> accepts) {}

    private static final Set<Integer> FLOATS = Set.of(OnnxSignature.FLOAT, OnnxSignature.FLOAT16, OnnxSignature.DOUBLE);
    private static final Set<Integer> INTEGERS = Set.of(OnnxSignature.INT32, OnnxSignature.INT64);

    private Signatures() {}

    /** Throws naming expected and found inputs when any is missing, extra or unfit. */
    static void requireInputs(String component, Path file, OnnxSignature signature, List<Expected> expected) {
        Set<String> names = Set.copyOf(expected.stream().map(Expected::name).toList());
        boolean ok = signature.inputs().size() == expected.size()
                && signature.inputs().stream().allMatch(s -> names.contains(s.name()))
                && expected.stream().allMatch(e -> input(signature, e.name()).filter(e.accepts()).isPresent());
        if (!ok) {
            throw new DiffusionModelException(component + " model " + file + " has inputs " + signature.inputs()
                    + "; expected exactly " + expected.stream().map(e -> e.name() + " (" + e.description() + ")").toList()
                    + " as Hugging Face Optimum exports a Stable Diffusion " + component
                    + (component.equals("unet") ? " (SDXL and other UNets with extra inputs are not supported)" : ""));
        }
    }

    static Optional<Tensor> input(OnnxSignature signature, String name) {
        return signature.inputs().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The name of the output called {@code name}, else the first output. */
    static String output(String component, Path file, OnnxSignature signature, String name) {
        if (signature.outputs().stream().anyMatch(t -> t.name().equals(name))) {
            return name;
        }
        if (signature.outputs().isEmpty()) {
            throw new DiffusionModelException(component + " model " + file + " has no outputs; expected " + name);
        }
        return signature.outputs().getFirst().name();
    }

    static boolean isFloat(Tensor t) {
        return FLOATS.contains(t.elementType());
    }

    static boolean isInteger(Tensor t) {
        return INTEGERS.contains(t.elementType());
    }

    static Predicate<Tensor> floatOfRank(int rank) {
        return t -> isFloat(t) && t.rank() == rank;
    }

    /** True if the first dimension may be 2 (dynamic, or fixed at 2): cond and uncond then go in one call. */
    static boolean batchesTwo(Tensor t) {
        return t.rank() > 0 && (t.dims().getFirst() < 0 || t.dims().getFirst() == 2);
    }
}
