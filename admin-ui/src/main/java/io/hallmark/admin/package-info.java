/**
 * The REST API and web console. Start reading at {@link io.hallmark.admin.HttpServer}; every error under
 * {@code /api} leaves as one {@link io.hallmark.admin.ApiError} shape. The OpenAI-compatible API under {@code /v1} is
 * {@link io.hallmark.admin.OpenAiRoutes} (its errors in OpenAI's shape, {@link io.hallmark.admin.OpenAiErrors}); the
 * OpenAPI 3.1 document is {@link io.hallmark.admin.OpenApi} over {@code openapi/hallmark-api.yaml}.
 */
package io.hallmark.admin;
