package io.hallmark.admin;

import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.Permission;
import io.hallmark.core.persistence.PluginChannel;
import io.hallmark.core.plugin.PluginHost;
import io.hallmark.core.plugin.PluginView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The plugin administration API: {@code GET /api/v1/plugins}, {@code POST /api/v1/plugins} (upload an archive as
 * the request body or as the multipart field {@code archive}; {@code ?grant=network} grants extra permissions),
 * {@code GET /api/v1/plugins/{id}}, {@code POST /api/v1/plugins/{id}/enable|disable|upgrade|promote} and
 * {@code DELETE /api/v1/plugins/{id}}; {@code GET|PATCH /api/v1/plugins/{id}/settings} (each plugin's settings, shared
 * by every node: {@code {"set": {...}, "unset": [...]}}); and the plugin developers' sandbox: {@code POST /api/v1/sandbox/plugins}
 * (install or upgrade a sandbox plugin) and {@code DELETE /api/v1/sandbox/plugins/{id}}.
 */
final class PluginRoutes {

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}\\.(jar|zip)");

    private final PluginHost plugins;

    PluginRoutes(PluginHost plugins) {
        this.plugins = plugins;
    }

    void register(RoutesConfig routes) {
        Allowed[] readers = {Allowed.ADMIN, Allowed.OPERATOR, Allowed.AUDITOR, Allowed.PLUGIN_DEVELOPER};
        routes.get("/api/v1/plugins", ctx -> ctx.json(Map.of("items", plugins.list())), readers);
        routes.post("/api/v1/plugins", ctx -> withArchive(ctx, (archive, grants) -> {
            PluginView view = plugins.install(archive, grants, actor(ctx));
            ctx.status(201).header("Location", "/api/v1/plugins/" + view.id()).json(view);
        }), Allowed.ADMIN);
        routes.post("/api/v1/plugins/{id}/upgrade", ctx -> withArchive(ctx,
                (archive, grants) -> ctx.json(plugins.upgrade(ctx.pathParam("id"), archive, grants, actor(ctx)))),
                Allowed.ADMIN);
        routes.post("/api/v1/plugins/{id}/promote", ctx -> ctx.json(plugins.promote(ctx.pathParam("id"), actor(ctx))),
                Allowed.ADMIN);
        routes.post("/api/v1/sandbox/plugins", ctx -> withArchive(ctx, (archive, grants) -> {
            if (!grants.isEmpty()) {
                throw InvalidRequestException.of("grant", "Sandbox plugins get the default permissions only; an "
                        + "administrator grants more when promoting");
            }
            PluginView view = plugins.installToSandbox(archive, actor(ctx));
            ctx.status(201).header("Location", "/api/v1/plugins/" + view.id()).json(view);
        }), Allowed.ADMIN, Allowed.PLUGIN_DEVELOPER);
        routes.delete("/api/v1/sandbox/plugins/{id}", ctx -> {
            String id = ctx.pathParam("id");
            if (plugins.find(id).isPresent() && plugins.channel(id) != PluginChannel.SANDBOX) {
                throw new io.hallmark.core.security.AccessDeniedException("Plugin '" + id + "' is on the production channel; only an administrator "
                        + "removes it, through DELETE /api/v1/plugins/" + id);
            }
            plugins.remove(id, actor(ctx));
            ctx.status(204);
        }, Allowed.ADMIN, Allowed.PLUGIN_DEVELOPER);
        routes.get("/api/v1/plugins/{id}", ctx -> ctx.json(plugins.find(ctx.pathParam("id"))
                .orElseThrow(() -> new io.hallmark.core.plugin.PluginUnavailableException(
                        "Plugin '" + ctx.pathParam("id") + "' is not installed", true))), readers);
        routes.get("/api/v1/plugins/{id}/settings", ctx -> ctx.json(settingsView(ctx.pathParam("id"),
                plugins.settings(ctx.pathParam("id")))), Allowed.ADMIN);
        routes.patch("/api/v1/plugins/{id}/settings", ctx -> {
            com.fasterxml.jackson.databind.JsonNode body = Json.body(ctx);
            java.util.Map<String, String> set = new java.util.TreeMap<>();
            com.fasterxml.jackson.databind.JsonNode setNode = body.path("set");
            if (!setNode.isMissingNode() && !setNode.isNull() && !setNode.isObject()) {
                throw InvalidRequestException.of("set", "'set' must be an object of setting names to text values");
            }
            for (var e : setNode.properties()) {
                if (!e.getValue().isTextual()) {
                    throw InvalidRequestException.of("set", "The value of '" + e.getKey() + "' must be text");
                }
                set.put(e.getKey(), e.getValue().asText());
            }
            java.util.Set<String> unset = new java.util.TreeSet<>();
            com.fasterxml.jackson.databind.JsonNode unsetNode = body.path("unset");
            if (!unsetNode.isMissingNode() && !unsetNode.isNull() && !unsetNode.isArray()) {
                throw InvalidRequestException.of("unset", "'unset' must be an array of setting names");
            }
            for (var k : unsetNode) {
                if (!k.isTextual()) {
                    throw InvalidRequestException.of("unset", "'unset' must hold setting names");
                }
                unset.add(k.asText());
            }
            String id = ctx.pathParam("id");
            ctx.json(settingsView(id, plugins.changeSettings(id, set, unset, actor(ctx))));
        }, Allowed.ADMIN);
        routes.post("/api/v1/plugins/{id}/enable", ctx -> ctx.json(plugins.enable(ctx.pathParam("id"), actor(ctx))),
                Allowed.ADMIN);
        routes.post("/api/v1/plugins/{id}/disable", ctx -> ctx.json(plugins.disable(ctx.pathParam("id"), actor(ctx))),
                Allowed.ADMIN);
        routes.delete("/api/v1/plugins/{id}", ctx -> {
            plugins.remove(ctx.pathParam("id"), actor(ctx));
            ctx.status(204);
        }, Allowed.ADMIN);
        routes.get("/api/v1/plugin-keys", ctx -> ctx.json(Map.of("items", plugins.trustedKeys())), Allowed.ADMIN,
                Allowed.AUDITOR, Allowed.PLUGIN_DEVELOPER);
        routes.post("/api/v1/plugin-keys", ctx -> {
            String name = ctx.queryParam("name") == null || ctx.queryParam("name").isBlank() ? "unnamed"
                    : io.hallmark.api.input.TextInput.label("name", ctx.queryParam("name"),
                            io.hallmark.api.input.FieldLimits.LABEL);
            ctx.status(201).json(plugins.trustKey(InputBoundary.text(ctx, "key", 16_384), name, actor(ctx)));
        }, Allowed.ADMIN);
        routes.delete("/api/v1/plugin-keys/{keyId}", ctx -> {
            plugins.revokeKey(ctx.pathParam("keyId"), actor(ctx));
            ctx.status(204);
        }, Allowed.ADMIN);
    }

    /** What a route does with an uploaded archive. */
    @FunctionalInterface
    private interface ArchiveHandler {
        void handle(Path archive, Set<Permission> grants) throws IOException;
    }

    /** Receives the uploaded archive (size-limited) into a temporary folder, hands it on, then deletes it. */
    private static void withArchive(Context ctx, ArchiveHandler handler) throws IOException {
        Set<Permission> grants = EnumSet.noneOf(Permission.class);
        for (String grant : ctx.queryParams("grant")) {
            for (String p : grant.split(",")) {
                try {
                    grants.add(Permission.parse(p));
                } catch (IllegalArgumentException e) {
                    throw InvalidRequestException.of("grant", e.getMessage());
                }
            }
        }
        Path dir = Files.createTempDirectory("hallmark-upload-");
        try {
            Path archive;
            String type = ctx.contentType() == null ? "" : ctx.contentType();
            if (type.startsWith("multipart/form-data")) {
                UploadedFile file = ctx.uploadedFile("archive");
                if (file == null) {
                    throw InvalidRequestException.of("archive", "Upload the plugin archive in the form field 'archive'");
                }
                archive = dir.resolve(safeName(file.filename()));
                try (InputStream in = file.content()) {
                    copyLimited(in, archive);
                }
            } else {
                archive = dir.resolve(safeName(ctx.queryParam("filename") == null ? "plugin.jar" : ctx.queryParam("filename")));
                try (InputStream in = ctx.bodyInputStream()) {
                    copyLimited(in, archive);
                }
            }
            handler.handle(archive, grants);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static String safeName(String name) {
        String base = name == null ? "plugin.jar" : Path.of(name).getFileName().toString();
        if (!FILE_NAME.matcher(base).matches()) {
            throw InvalidRequestException.of("filename", "Plugin archive name '" + base
                    + "' must be 1-128 letters, digits, '.', '_' or '-' ending in .jar or .zip");
        }
        return base;
    }

    private static void copyLimited(InputStream in, Path target) throws IOException {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > PluginHost.MAX_ARCHIVE_BYTES) {
                    throw new RequestTooLargeException("Plugin archive exceeds " + PluginHost.MAX_ARCHIVE_BYTES + " bytes");
                }
                out.write(buffer, 0, n);
            }
        }
        if (total == 0) {
            throw InvalidRequestException.of("archive", "The upload is empty; send the plugin archive as the body");
        }
    }

    private static Map<String, Object> settingsView(String pluginId, Map<String, String> settings) {
        return Map.of("pluginId", pluginId, "settings", settings);
    }

    private static String actor(Context ctx) {
        return AccessFilter.actor(ctx);
    }
}
