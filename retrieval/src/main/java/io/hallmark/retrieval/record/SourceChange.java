package io.hallmark.retrieval.record;

import io.hallmark.retrieval.index.IndexedChunk;
import java.util.List;
import java.util.Objects;

/** One change of the record that an index applies: a source put (with its chunks) or deleted. */
public sealed interface SourceChange {

    /** The source the change is about. */
    String sourceId();

    /** A source with these chunks replaces whatever the index held for it. */
    record Put(String sourceId, String hash, List<IndexedChunk> chunks) implements SourceChange {
        public Put {
            Objects.requireNonNull(sourceId, "sourceId");
            Objects.requireNonNull(hash, "hash");
            chunks = List.copyOf(chunks);
        }
    }

    /** The source is removed from the index. */
    record Delete(String sourceId) implements SourceChange {
        public Delete {
            Objects.requireNonNull(sourceId, "sourceId");
        }
    }
}
