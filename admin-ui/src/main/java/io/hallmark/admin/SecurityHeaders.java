package io.hallmark.admin;

import io.javalin.http.Context;

/** Headers every response carries: no inline scripts, no framing, no MIME sniffing, no referrer leaks. */
final class SecurityHeaders {

    private SecurityHeaders() {}

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                        + "media-src 'self' blob:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
                        + "form-action 'self'");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    }
}
