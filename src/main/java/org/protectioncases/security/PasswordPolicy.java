package org.protectioncases.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * At least 12 characters, not a known common password (list shipped with the app), not the
 * username. Length beats composition rules (NIST SP 800-63B), so there are none of those.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    private final Set<String> common;

    PasswordPolicy() {
        this.common = load("security/common-passwords.txt");
    }

    /** The message key of the first rule the password breaks, or empty if it is acceptable. */
    Optional<String> check(String password, String username) {
        if (password.length() < MIN_LENGTH) {
            return Optional.of("password.validation.tooShort");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("password.validation.tooLong");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || common.contains(lower.replaceAll("[0-9!@#$%^&*.]+$", ""))) {
            return Optional.of("password.validation.common");
        }
        if (!username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("password.validation.containsUsername");
        }
        return Optional.empty();
    }

    int commonPasswordCount() {
        return common.size();
    }

    private static Set<String> load(String path) {
        Set<String> words = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8))) {
            in.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Common password list missing: " + path, e);
        }
        return words;
    }
}
