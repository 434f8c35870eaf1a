/**
 * The platform's one input boundary for text: every string that enters (HTTP bodies and parameters, CLI files,
 * knowledge-base documents, plugin output, model output) is checked here once, at the edge.
 *
 * <p>Start at {@link io.hallmark.api.input.TextInput}: {@code checked} refuses what storage cannot hold (NUL,
 * unpaired surrogates) and what is too long with an {@link io.hallmark.api.InvalidRequestException} naming the
 * field; {@code identifier} enforces a documented alphabet; {@code clean} normalises document text instead of
 * refusing it and says how much it removed. {@link io.hallmark.api.input.FieldLimits} lists the documented maximum
 * lengths and alphabets.
 */
@NullMarked
package io.hallmark.api.input;

import org.jspecify.annotations.NullMarked;
