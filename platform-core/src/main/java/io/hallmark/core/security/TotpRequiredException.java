package io.hallmark.core.security;

/**
 * The password was right and the user signs in in two steps: a code from their authenticator app is needed (HTTP 401
 * {@code totp-required}); a wrong or reused code is an {@link AuthenticationException} like a wrong password.
 */
public final class TotpRequiredException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    public TotpRequiredException() {
        super("Enter the 6-digit code from your authenticator app (field 'totpCode')");
    }
}
