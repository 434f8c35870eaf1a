/**
 * Access control: {@link io.hallmark.core.security.Access} resolves each request's
 * {@link io.hallmark.core.security.Principal} from a console session, an API token or the local command line;
 * {@link io.hallmark.core.security.UserService} manages users with Argon2id password hashes and login throttling.
 */
package io.hallmark.core.security;
