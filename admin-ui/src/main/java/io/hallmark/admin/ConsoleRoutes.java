package io.hallmark.admin;

import io.javalin.config.RoutesConfig;

/** The web console's entry point; its pages arrive with the console issue. */
final class ConsoleRoutes {

    void register(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.redirect("/console/index.html"), Allowed.PUBLIC);
    }
}
