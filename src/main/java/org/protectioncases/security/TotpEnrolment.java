package org.protectioncases.security;

/**
 * A new authenticator to confirm: the secret as text (Base32, in groups of four for typing), the
 * {@code otpauth://} URI apps read, and the same URI as a QR code ({@code data:image/svg+xml} URL).
 */
public record TotpEnrolment(String secret, String otpauthUri, String qrCodeDataUrl) {
}
