package org.protectioncases.security;

import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;
import org.protectioncases.shared.FieldValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * First start (or no enabled administrator left): creates {@code admin}, or re-enables it, with the
 * password from {@code APP_ADMIN_PASSWORD} ({@code app.admin.initial-password}), or else a random
 * one that is printed to the log exactly once. There is no fixed default password.
 */
@Component
@Order(20)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    static final String ADMIN_USERNAME = "admin";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserAccountService accounts;
    private final SystemAccess system;
    private final String configuredPassword;

    AdminBootstrap(UserAccountService accounts, SystemAccess system,
                   @Value("${app.admin.initial-password:}") String configuredPassword) {
        this.accounts = accounts;
        this.system = system;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(@Nullable ApplicationArguments args) {
        system.runAsAdmin(() -> {
            if (accounts.countActiveAdmins() > 0) {
                return null;
            }
            boolean generated = configuredPassword.isBlank();
            String password = generated ? randomPassword() : configuredPassword;
            try {
                accounts.restoreAdministrator(ADMIN_USERNAME, password);
            } catch (FieldValidationException e) {
                throw new IllegalStateException("APP_ADMIN_PASSWORD does not meet the password policy "
                        + "(at least 12 characters, not a common password): " + e.fieldErrors(), e);
            }
            if (generated) {
                log.warn("""

                        ==========================================================
                          No administrator existed: user 'admin' now has the password
                            {}
                          It is shown only this once. Sign in and change it, or set
                          APP_ADMIN_PASSWORD before the first start next time.
                        ==========================================================""", password);
            } else {
                log.info("No administrator existed: user 'admin' now has the password from APP_ADMIN_PASSWORD");
            }
            return null;
        });
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
