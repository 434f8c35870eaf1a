/**
 * Encoded runs inside a screened input (issue 18): {@link io.hallmark.governance.safety.encoding.EncodedSpans}
 * finds base64, base32, hex, ASCII85, percent-encoded, ROT13 and Morse runs and decodes them, and {@link
 * io.hallmark.governance.safety.encoding.EncodedPayload} flags a decoding that is active code or markup (a script
 * tag, an SQL injection idiom, a shell or Python command). {@link io.hallmark.governance.safety.SafetyScreen#explain}
 * reads every decoded span as data and scores a flagged one as an injection.
 */
package io.hallmark.governance.safety.encoding;
