/**
 * The REST API and web console. Start reading at {@link io.hallmark.admin.HttpServer}; every error leaves
 * as one {@link io.hallmark.admin.ApiError} shape.
 */
package io.hallmark.admin;
