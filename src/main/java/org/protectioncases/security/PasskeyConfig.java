package org.protectioncases.security;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.protectioncases.audit.AuditService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Passkeys (WebAuthn) with Spring Security's own support: its relying-party operations (WebAuthn4J)
 * over its JDBC repositories, in our PostgreSQL (changeset {@code security/2026-12-02-40-passkeys}).
 * {@code http.webAuthn(..)} in {@link SecurityConfig} finds these beans.
 *
 * <p>The relying party is {@code app.security.webauthn.rp-id} (default {@code localhost}); a
 * browser accepts it only on that host or a subdomain, in a secure context (HTTPS, or
 * {@code http://localhost}). Allowed origins: {@code app.security.webauthn.allowed-origins}, or,
 * when none are configured, {@code http://<rp-id>:<the server's port>} once the server has started
 * (development and tests, where the port is chosen at start).
 */
@Configuration
class PasskeyConfig {

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUserEntities(JdbcTemplate jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    UserCredentialRepository passkeyCredentials(JdbcTemplate jdbc, PublicKeyCredentialUserEntityRepository userEntities,
                                                AuditService audit) {
        return new PasskeyCredentials(new JdbcUserCredentialRepository(jdbc), userEntities, audit);
    }

    @Bean
    PasskeyOrigins passkeyOrigins(@Value("${app.security.webauthn.rp-id:localhost}") String rpId,
                                  @Value("${app.security.webauthn.allowed-origins:}") String allowedOrigins) {
        return new PasskeyOrigins(rpId, allowedOrigins);
    }

    @Bean
    WebAuthnRelyingPartyOperations relyingPartyOperations(PublicKeyCredentialUserEntityRepository userEntities,
                                                          UserCredentialRepository credentials, PasskeyOrigins origins,
                                                          @Value("${app.security.webauthn.rp-id:localhost}") String rpId,
                                                          @Value("${app.security.webauthn.rp-name:Protection Cases}") String rpName) {
        return new Webauthn4JRelyingPartyOperations(userEntities, credentials,
                PublicKeyCredentialRpEntity.builder().id(rpId).name(rpName).build(), origins.origins);
    }

    /** The origins a passkey ceremony may come from; WebAuthn4J reads the set at every ceremony. */
    static final class PasskeyOrigins implements ApplicationListener<WebServerInitializedEvent> {

        final Set<String> origins = ConcurrentHashMap.newKeySet();
        private final String rpId;
        private final boolean configured;

        PasskeyOrigins(String rpId, String allowedOrigins) {
            this.rpId = rpId;
            Arrays.stream(allowedOrigins.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s).forEach(origins::add);
            this.configured = !origins.isEmpty();
        }

        @Override
        public void onApplicationEvent(WebServerInitializedEvent event) {
            if (!configured && event.getWebServer().getPort() > 0) {
                int port = event.getWebServer().getPort();
                origins.add(port == 80 ? "http://" + rpId : "http://" + rpId + ":" + port);
            }
        }
    }
}
