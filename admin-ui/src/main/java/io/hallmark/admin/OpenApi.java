package io.hallmark.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3 document of the REST API, built from the registered routes (so it cannot list a route that does
 * not exist) and the one-line summaries below (a test fails when a route has none).
 */
final class OpenApi {

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    /** One line per route, keyed {@code METHOD path}. */
    static final Map<String, String> SUMMARIES = Map.ofEntries(
            Map.entry("GET /", "Redirects to the console"),
            Map.entry("GET /api/v1/health", "Platform and subsystem health (200 when up, 503 otherwise)"),
            Map.entry("GET /api/v1/openapi.json", "This OpenAPI document"),
            Map.entry("POST /api/v1/auth/login", "Signs in with username and password; sets the session cookie and "
                    + "returns the CSRF token"),
            Map.entry("POST /api/v1/auth/logout", "Ends the session"),
            Map.entry("GET /api/v1/auth/me", "The caller: username, roles, and the CSRF token of a session"),
            Map.entry("POST /api/v1/auth/password", "Changes the caller's own password (currentPassword, newPassword); "
                    + "ends the caller's other sessions"),
            Map.entry("POST /api/v1/auth/totp", "Sets up two-step sign-in: a new TOTP secret and its otpauth URI "
                    + "(off until confirmed)"),
            Map.entry("POST /api/v1/auth/totp/confirm", "Turns two-step sign-in on with a code from the new secret"),
            Map.entry("POST /api/v1/auth/totp/disable", "Turns two-step sign-in off with a current code"),
            Map.entry("GET /api/v1/users", "Lists users"),
            Map.entry("POST /api/v1/users", "Creates a user with a role and a password"),
            Map.entry("PATCH /api/v1/users/{username}", "Changes a user's role, password (oneTime), enabled flag, or turns "
                    + "their two-step sign-in off (totp: false)"),
            Map.entry("GET /api/v1/tokens", "Lists the caller's API tokens (all with ?all=true for admins)"),
            Map.entry("POST /api/v1/tokens", "Issues an API token (shown once)"),
            Map.entry("DELETE /api/v1/tokens/{id}", "Revokes an API token"),
            Map.entry("GET /api/v1/plugins", "Lists installed plugins with state, version, signer, permissions, failures"),
            Map.entry("POST /api/v1/plugins", "Installs a signed plugin archive (body or multipart field 'archive')"),
            Map.entry("GET /api/v1/plugins/{id}", "One plugin"),
            Map.entry("POST /api/v1/plugins/{id}/enable", "Enables a plugin"),
            Map.entry("POST /api/v1/plugins/{id}/disable", "Disables a plugin"),
            Map.entry("DELETE /api/v1/plugins/{id}", "Removes a plugin"),
            Map.entry("POST /api/v1/plugins/{id}/upgrade", "Upgrades a plugin to the version in the uploaded archive"),
            Map.entry("POST /api/v1/plugins/{id}/promote", "Moves a sandbox plugin to production"),
            Map.entry("POST /api/v1/sandbox/plugins", "Installs or upgrades a plugin on the plugin developers' sandbox channel"),
            Map.entry("DELETE /api/v1/sandbox/plugins/{id}", "Removes a sandbox plugin"),
            Map.entry("POST /api/v1/sandbox/generations", "Queues a governed generation on the sandbox channel (202)"),
            Map.entry("GET /api/v1/sandbox/generations/{id}", "A sandbox job with its content and report"),
            Map.entry("GET /api/v1/plugin-keys", "Lists the keys trusted to sign plugins"),
            Map.entry("POST /api/v1/plugin-keys", "Trusts a public key (PEM body) to sign plugins"),
            Map.entry("DELETE /api/v1/plugin-keys/{keyId}", "Revokes a plugin signing key"),
            Map.entry("GET /api/v1/policies", "Lists every policy version"),
            Map.entry("GET /api/v1/policies/{name}", "The active version of a policy"),
            Map.entry("POST /api/v1/policies/validate", "Validates a policy text (YAML or JSON)"),
            Map.entry("POST /api/v1/policies/dry-run", "Re-decides recent content under a policy text without storing it"),
            Map.entry("POST /api/v1/checks", "Runs the whole governance stage and a policy on given text without generating"),
            Map.entry("POST /api/v1/checks/replay/{id}", "Re-runs governance on a stored item with its recorded policy "
                    + "version and compares with the recorded decision"),
            Map.entry("POST /api/v1/policies", "Stores and activates a policy version"),
            Map.entry("GET /api/v1/generators", "Lists the enabled generators with their modality and parameters"),
            Map.entry("POST /api/v1/generations", "Queues a governed generation (202 with the job; an Idempotency-Key header makes a retry return the same job)"),
            Map.entry("GET /api/v1/generations/{id}", "A generation job with its content, governance report, "
                    + "pipeline definition and agent calls"),
            Map.entry("POST /api/v1/generations/{id}/cancel", "Cancels a generation job"),
            Map.entry("GET /api/v1/generations/{id}/events", "Server-Sent Events of a job: queued, started, pipeline, "
                    + "step, plan, output, progress, generated, governance, decision, revise, retry, finished"),
            Map.entry("POST /api/v1/kb/documents", "Ingests documents into a knowledge base (?async=true: 202, watch it)"),
            Map.entry("GET /api/v1/kb/ingestions/{id}", "A background ingestion's state and progress"),
            Map.entry("GET /api/v1/kb/search", "Searches a knowledge base (bm25, vector or hybrid)"),
            Map.entry("DELETE /api/v1/kb/documents/{id}", "Deletes a document from a knowledge base"),
            Map.entry("GET /api/v1/kb/stats", "Knowledge base counts and settings ('exists': false before the first "
                    + "document)"),
            Map.entry("POST /api/v1/kb/files", "Ingests one file (?name=FILE.EXT; .txt, .md, .html, .pdf, .jsonl) with "
                    + "the readers of 'kb ingest' (202, watch it)"),
            Map.entry("GET /api/v1/kb/documents", "Lists a knowledge base's documents in id order (paged)"),
            Map.entry("GET /api/v1/kb/ingestions", "This node's recent knowledge-base ingestions with progress"),
            Map.entry("GET /api/v1/content", "Searches kept content (status, modality, plugin, q, from, to; paged)"),
            Map.entry("GET /api/v1/content/{id}", "One content item with its report, provenance and audit events"),
            Map.entry("GET /api/v1/content/{id}/artifact", "Downloads a content item's artifact or text"),
            Map.entry("POST /api/v1/content/{id}/probes", "Starts a counterfactual bias probe of a generated text: its "
                    + "prompt re-generated with demographic terms swapped, same plugin and seed (202 with the probe)"),
            Map.entry("GET /api/v1/content/{id}/probes", "A content item's bias probes, newest first"),
            Map.entry("GET /api/v1/probes/{id}", "A bias probe's state, progress and, once done, the change of the "
                    + "continuation and its bias score per swapped term"),
            Map.entry("GET /api/v1/review", "Items waiting for review with the policy's reasons (paged)"),
            Map.entry("POST /api/v1/review/{id}/approve", "Approves an item waiting for review (audited)"),
            Map.entry("POST /api/v1/review/{id}/reject", "Rejects an item waiting for review, with a comment (audited)"),
            Map.entry("POST /api/v1/review/{id}/edit", "Replaces an item's text and approves it, with a comment (audited)"),
            Map.entry("GET /api/v1/audit/events", "Audit events (type prefix, actor, subject, from, to; paged)"),
            Map.entry("GET /api/v1/audit/verify", "Verifies the audit chain and signed checkpoints"),
            Map.entry("GET /api/v1/audit/checkpoints", "Signed checkpoints, newest first (paged)"),
            Map.entry("GET /api/v1/audit/checkpoints/latest", "The newest signed checkpoint"),
            Map.entry("POST /api/v1/audit/exports", "Writes an auditor's export bundle for a date range on the server"),
            Map.entry("GET /api/v1/audit/exports", "Lists export bundles"),
            Map.entry("GET /api/v1/audit/exports/{id}/zip", "Downloads an export bundle as a zip"),
            Map.entry("GET /api/v1/dashboard", "Dashboard figures: generations, decisions, scores, queues, plugins"),
            Map.entry("GET /metrics", "Prometheus metrics"),
            Map.entry("GET /v1/models", "OpenAI-compatible: the enabled text generators as models"),
            Map.entry("POST /v1/chat/completions", "OpenAI-compatible: a governed chat completion (streams with "
                    + "stream=true)"),
            Map.entry("GET /api/v1/alerts", "Alert rules with their current state"),
            Map.entry("POST /api/v1/alerts", "Creates an alert rule (audited)"),
            Map.entry("DELETE /api/v1/alerts/{id}", "Deletes an alert rule (audited)"));

    private OpenApi() {}

    /** The document for {@code routes}. */
    static Map<String, Object> document(List<HttpServer.Route> routes, String version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "Hallmark REST API", "version", version, "description",
                "Governed AI-generated content. Sign in with POST /api/v1/auth/login (session cookie; send the "
                        + "returned csrfToken as X-CSRF-Token on every change) or send an API token as "
                        + "'Authorization: Bearer hm_...'. Errors are problem documents (type, title, status, detail, "
                        + "errors). Each operation lists the roles that may call it in x-roles and the largest body it "
                        + "takes in x-max-body-bytes (413 past it). No string may hold NUL or an unpaired surrogate "
                        + "(400 naming the field); field limits and alphabets: docs/input.md."));
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        for (HttpServer.Route route : routes) {
            String method = route.method().toLowerCase(Locale.ROOT);
            if (method.equals("head") || method.equals("options")) {
                continue;
            }
            Map<String, Object> op = new LinkedHashMap<>();
            op.put("summary", SUMMARIES.getOrDefault(route.method() + " " + route.path(), ""));
            op.put("operationId", operationId(route));
            op.put("x-roles", route.allowed().stream().map(Enum::name).sorted().toList());
            List<Map<String, Object>> parameters = new ArrayList<>();
            Matcher m = PATH_PARAM.matcher(route.path());
            while (m.find()) {
                parameters.add(Map.of("name", m.group(1), "in", "path", "required", true, "schema", Map.of("type", "string")));
            }
            if (!parameters.isEmpty()) {
                op.put("parameters", parameters);
            }
            if (!method.equals("get") && !method.equals("delete")) { // enforced while reading: 413 past it
                op.put("x-max-body-bytes", RequestLimits.limitFor(route.method(), route.path()));
            }
            if (route.allowed().contains(Allowed.PUBLIC)) {
                op.put("security", List.of());
            }
            Map<String, Object> responses = new LinkedHashMap<>();
            responses.put("2XX", Map.of("description", "Success"));
            responses.put("default", Map.of("description", "A problem document",
                    "content", Map.of("application/problem+json", Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")))));
            op.put("responses", responses);
            paths.computeIfAbsent(route.path(), p -> new TreeMap<>()).put(method, op);
        }
        doc.put("paths", paths);
        doc.put("security", List.of(Map.of("bearer", List.of()), Map.of("session", List.of())));
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "object");
        problem.put("required", List.of("type", "title", "status", "detail", "errors"));
        problem.put("properties", Map.of("type", Map.of("type", "string"), "title", Map.of("type", "string"),
                "status", Map.of("type", "integer"), "detail", Map.of("type", "string"),
                "errors", Map.of("type", "array", "items", Map.of("type", "object", "properties",
                        Map.of("field", Map.of("type", "string"), "message", Map.of("type", "string"))))));
        doc.put("components", Map.of(
                "schemas", Map.of("Problem", problem),
                "securitySchemes", Map.of(
                        "bearer", Map.of("type", "http", "scheme", "bearer"),
                        "session", Map.of("type", "apiKey", "in", "cookie", "name", AccessFilter.SESSION_COOKIE))));
        return doc;
    }

    private static String operationId(HttpServer.Route route) {
        StringBuilder id = new StringBuilder(route.method().toLowerCase(Locale.ROOT));
        for (String part : route.path().split("[/{}.-]+")) {
            if (!part.isEmpty() && !part.equals("api") && !part.equals("v1")) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }

    /** The routes of the running server, for the document's handler. */
    interface RouteSource extends Supplier<List<HttpServer.Route>> {}
}
