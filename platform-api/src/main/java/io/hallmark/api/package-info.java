/**
 * The Hallmark plugin SDK: what a third-party developer compiles against.
 *
 * <p>Start with {@link io.hallmark.api.Modality}, the kinds of content Hallmark generates, and
 * {@link io.hallmark.api.HallmarkException}, the one unchecked root of every error the platform raises.
 * The SDK depends only on PF4J, SLF4J and JSpecify; it knows nothing of the host.
 */
@NullMarked
package io.hallmark.api;

import org.jspecify.annotations.NullMarked;
