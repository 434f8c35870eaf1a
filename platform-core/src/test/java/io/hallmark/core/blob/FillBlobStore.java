package io.hallmark.core.blob;

import io.hallmark.api.HallmarkException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Run by {@link BlobStoreDiskFullTest} in a child JVM whose {@code args[0]} is a tiny file system of its own: fills the
 * blob store until the disk is full, reports what the store said and kept, frees space elsewhere on the disk, and
 * stores again with the same store, printing one {@code KEY value} line per finding.
 */
public final class FillBlobStore {

    private FillBlobStore() {}

    public static void main(String[] args) throws Exception {
        Path disk = Path.of(args[0]);
        Path ballast = disk.resolve("ballast"); // something else on the disk that is deleted later (old logs, say)
        Files.write(ballast, new byte[256 * 1024]);
        BlobStore store = LocalBlobStore.open(disk.resolve("blobs"), 1L << 20);
        Random random = new Random(42);
        List<BlobRef> kept = new ArrayList<>();
        String failure = null;
        for (int i = 0; i < 200 && failure == null; i++) {
            byte[] bytes = new byte[64 * 1024];
            random.nextBytes(bytes);
            try {
                kept.add(store.put(bytes));
            } catch (HallmarkException e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        System.out.println("FULL " + failure);
        System.out.println("KEPT " + kept.size());
        System.out.println("VERIFIED " + kept.stream().allMatch(k -> store.verify(k.sha256())));
        try (var partial = Files.list(disk.resolve("blobs").resolve("tmp"))) {
            System.out.println("PARTIAL " + partial.count());
        }
        Files.delete(ballast);
        byte[] after = new byte[64 * 1024];
        random.nextBytes(after);
        BlobRef again = store.put(after);
        System.out.println("RECOVERED " + store.verify(again.sha256()));
        System.out.println("DONE");
    }
}
