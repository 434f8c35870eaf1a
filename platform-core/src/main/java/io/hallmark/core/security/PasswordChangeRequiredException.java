package io.hallmark.core.security;

/**
 * The caller signed in with a one-time password and must choose a new one before anything else (HTTP 403
 * {@code password_change_required}).
 */
public final class PasswordChangeRequiredException extends AccessDeniedException {

    private static final long serialVersionUID = 1L;

    public PasswordChangeRequiredException(String username) {
        super("User '" + username + "' signed in with a one-time password and must choose a new one first: "
                + "POST /api/v1/auth/password with {\"newPassword\": \"...\"} (the console asks for it)");
    }
}
