package io.hallmark.core.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A checkpoint sink in a git repository, through the {@code git} command: each checkpoint is committed to a work
 * tree (as a {@link DirectorySink} lays it out) and, when the repository has a remote {@code origin}, pushed there.
 * The remote is what the database administrator does not control; with {@code receive.denyNonFastForwards} (and no
 * force-push rights for this node) its history cannot be rewritten, and every earlier checkpoint stays in it.
 */
public final class GitSink implements CheckpointSink {

    private static final long TIMEOUT_SECONDS = 60;

    private final Path workTree;
    private final DirectorySink files;

    /** @param workTree an existing git work tree (a clone of the remote to push to, or a repository of its own) */
    public GitSink(Path workTree) {
        this.workTree = workTree;
        this.files = new DirectorySink(workTree);
    }

    @Override
    public String describe() {
        return "git:" + workTree;
    }

    @Override
    public synchronized void publish(Checkpoint checkpoint) throws IOException {
        if (!Files.isDirectory(workTree.resolve(".git"))) {
            throw new IOException(workTree + " is not a git work tree (git init or git clone it first)");
        }
        boolean remote = !git("remote").isBlank();
        if (remote && !git("ls-remote", "--heads", "origin").isBlank()) {
            git("pull", "--ff-only", "--quiet", "origin", currentBranch());
        }
        files.publish(checkpoint);
        git("add", "--", DirectorySink.CHECKPOINTS, DirectorySink.LATEST);
        if (git("status", "--porcelain").isBlank()) {
            return; // the same checkpoint again
        }
        git("-c", "user.name=Hallmark audit", "-c", "user.email=audit@hallmark.invalid", "commit", "--quiet",
                "-m", "Checkpoint " + checkpoint.origin() + " size " + checkpoint.treeSize() + " root "
                        + checkpoint.rootHashHex());
        if (remote) {
            git("push", "--quiet", "origin", "HEAD:" + currentBranch());
        }
    }

    private String currentBranch() throws IOException {
        return git("symbolic-ref", "--short", "HEAD").strip();
    }

    @Override
    public Optional<String> latest() throws IOException {
        return files.latest();
    }

    private String git(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.add("-C");
        cmd.add(workTree.toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("git " + args[0] + " in " + workTree + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IOException("git " + String.join(" ", args) + " in " + workTree + " failed ("
                        + p.exitValue() + "): " + text.strip());
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("Interrupted while running git", e);
        }
    }
}
