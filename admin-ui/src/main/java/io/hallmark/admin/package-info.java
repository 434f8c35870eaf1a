/**
 * The REST API and web console. Start reading at {@link io.hallmark.admin.HttpServer}; every error under
 * {@code /api} leaves as one {@link io.hallmark.admin.ApiError} shape. The OpenAI-compatible API under {@code /v1} is
 * {@link io.hallmark.admin.OpenAiRoutes} (its errors in OpenAI's shape, {@link io.hallmark.admin.OpenAiErrors}); the
 * OpenAPI 3.1 document is {@link io.hallmark.admin.OpenApi} over {@code openapi/hallmark-api.yaml}.
 * Every string of a request is checked once by {@link io.hallmark.admin.InputBoundary}, its status chosen by
 * {@link io.hallmark.admin.ErrorMapping}, and every body is held to its route's size limit by
 * {@link io.hallmark.admin.RequestLimits} while Jetty reads it.
 */
package io.hallmark.admin;
