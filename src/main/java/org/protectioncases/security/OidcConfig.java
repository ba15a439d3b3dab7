package org.protectioncases.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.util.StringUtils;

/**
 * The identity provider of single sign-on, read from its discovery document at start-up (so a
 * wrong issuer URL stops the app with a clear error instead of failing at the first sign-in).
 * Only when {@code app.security.oidc.issuer-uri} is set; {@link SecurityConfig} then adds Spring
 * Security's OAuth2 login.
 */
@Configuration
@Conditional(OidcConfig.Configured.class)
class OidcConfig {

    /** The registration id, part of the login addresses ({@code /oauth2/authorization/oidc}). */
    static final String REGISTRATION = "oidc";

    @Bean
    ClientRegistrationRepository oidcClientRegistrations(OidcSettings settings) {
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(settings.issuerUri)
                .registrationId(REGISTRATION)
                .clientId(settings.clientId)
                .clientSecret(settings.clientSecret)
                .scope("openid", "profile", "email")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .clientName(settings.displayName.isEmpty() ? "OpenID Connect" : settings.displayName)
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    static final class Configured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("app.security.oidc.issuer-uri"));
        }
    }
}
