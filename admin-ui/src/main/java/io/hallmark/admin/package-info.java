/**
 * The REST API and web console. Start reading at {@link io.hallmark.admin.HttpServer}; every error leaves
 * as one {@link io.hallmark.admin.ApiError} shape, its status chosen by {@link io.hallmark.admin.ErrorMapping}.
 * Every string of a request is checked once by {@link io.hallmark.admin.InputBoundary}, and every body is held to
 * its route's size limit by {@link io.hallmark.admin.RequestLimits} while Jetty reads it.
 */
package io.hallmark.admin;
