package org.protectioncases.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.RegisterSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.protectioncases.security.ui.LoginView;
import org.protectioncases.shared.Roles;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Form login through the Vaadin login view, method security on every service, and a session
 * registry so that disabling a user ends their sessions. Anonymous users reach only the login
 * view, static styles and the health endpoint.
 */
@Configuration
@EnableWebSecurity
// Services use @PreAuthorize; @RolesAllowed stays Vaadin's view annotation (jsr250 here would proxy the views).
@EnableMethodSecurity
class SecurityConfig {

    /** Lets {@code @Allowed(Permission.X)} fill its permission into the {@code @PreAuthorize} it carries. */
    @Bean
    static AnnotationTemplateExpressionDefaults annotationTemplateExpressionDefaults() {
        return new AnnotationTemplateExpressionDefaults();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionRegistry sessionRegistry, RequestUtil vaadinRequests,
                                            SecondFactorPolicy secondFactor, PasskeySignIn passkeySignIn,
                                            ObjectProvider<ClientRegistrationRepository> singleSignOn, OidcSignIn oidcSignIn,
                                            SecurityContextHolderStrategy contexts) throws Exception {
        // An administrator who has not passed the second factor yet reads no actuator endpoint either.
        AuthorizationManager<RequestAuthorizationContext> adminWithSecondFactor = AuthorizationManagers.allOf(
                AuthorityAuthorizationManager.hasRole(Roles.ADMIN),
                (authentication, request) -> new AuthorizationDecision(!secondFactor.missing(authentication.get())));
        // Adding (or removing) a passkey needs a sign-in that owes no second factor: else a stolen password
        // could register the thief's passkey and skip the owner's authenticator ever after.
        AuthorizationManager<RequestAuthorizationContext> fullySignedIn = (authentication, request) -> {
            var a = authentication.get();
            return new AuthorizationDecision(a != null && a.isAuthenticated() && SecondFactors.interactive(a) && !secondFactor.missing(a));
        };
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/webauthn/register", "/webauthn/register/**").access(fullySignedIn)
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/actuator/**").access(adminWithSecondFactor)
                .requestMatchers("/styles/**", "/webjars/**").permitAll()
                // Installable app (issue #14): manifest, icons and the offline page; no personal data.
                .requestMatchers("/scripts/**", "/icons/**", "/manifest.webmanifest", "/offline.html", "/offline-worker.js").permitAll());
        // The id changes at login (fixation protection); the registry lets us end a user's sessions.
        http.sessionManagement(sessions -> sessions
                .sessionFixation(fixation -> fixation.changeSessionId())
                .maximumSessions(-1)
                .sessionRegistry(sessionRegistry));
        // Vaadin's own CSRF set-up also exempts the login form (POST /login), so a forged form could sign a
        // victim into the attacker's account. Only Vaadin's internal requests are exempt here: they carry
        // Vaadin's own CSRF token. The login form sends Spring's token from the page's _csrf meta tags.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        // A login without a valid token (forged, or a sign-in page left open past the session timeout)
        // goes back to the login page with an error instead of a bare 403.
        // (The login is open to all, so a denied POST /login can only be the CSRF check.) Other denials keep the 403.
        LinkedHashMap<RequestMatcher, AccessDeniedHandler> denied = new LinkedHashMap<>();
        denied.put(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login"),
                (request, response, e) -> response.sendRedirect(request.getContextPath() + "/login?error"));
        http.exceptionHandling(errors -> errors.accessDeniedHandler(
                new RequestMatcherDelegatingAccessDeniedHandler(denied, new AccessDeniedHandlerImpl())));
        // Passkeys (WebAuthn) through Spring Security's own endpoints and its JDBC stores (PasskeyConfig); no
        // generated pages: registration is on the second-factor page, passkey sign-in on the login page.
        // Our provider makes the sign-in an AppUser one (PasskeySignIn); the session gets a new id and is
        // registered, as at the password login.
        // Spring's passkey option filters take SecurityContextHolder's static strategy when they are built (the
        // registration options filter has no setter), but Vaadin installs its own strategy there only after all
        // beans exist. They then read an empty thread-local, see nobody signed in and answer 400: that was why adding
        // a passkey failed ("The passkey could not be created"). Installed here, before they are built.
        SecurityContextHolder.setContextHolderStrategy(contexts);
        SessionAuthenticationStrategy passkeySessions = new CompositeSessionAuthenticationStrategy(List.of(
                new ChangeSessionIdAuthenticationStrategy(), new RegisterSessionAuthenticationStrategy(sessionRegistry)));
        http.webAuthn(webAuthn -> webAuthn
                .disableDefaultRegistrationPage(true)
                .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                    @Override
                    public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationManager(new ProviderManager(passkeySignIn.provider()));
                        filter.setSecurityContextHolderStrategy(contexts);
                        filter.setSessionAuthenticationStrategy(passkeySessions);
                        return filter;
                    }
                }));
        // Single sign-on (OpenID Connect), only when an identity provider is configured (OidcConfig). The identity
        // becomes a sign-in of its local account (OidcSignIn); a refusal returns to the login page with its reason.
        if (singleSignOn.getIfAvailable() != null) {
            http.oauth2Login(oauth2 -> oauth2
                    .loginPage("/login")
                    .withObjectPostProcessor(new ObjectPostProcessor<OAuth2LoginAuthenticationFilter>() {
                        @Override
                        public <O extends OAuth2LoginAuthenticationFilter> O postProcess(O filter) {
                            filter.setAuthenticationResultConverter(oidcSignIn::toLocal);
                            return filter;
                        }
                    })
                    .failureHandler((request, response, e) -> {
                        String reason = e instanceof OAuth2AuthenticationException refused
                                && refused.getError().getErrorCode().startsWith(OidcSignIn.REFUSED)
                                ? refused.getError().getErrorCode().substring(OidcSignIn.REFUSED.length()) : "error";
                        response.sendRedirect(request.getContextPath() + "/login?sso=" + reason);
                    }));
        }
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .loginView(LoginView.class)
                .enableCsrfConfiguration(false));
        return http.build();
    }

    /**
     * Security headers on every response of both filter chains (and on error pages), written
     * before Spring Security runs; see {@link SecurityHeadersFilter}.
     */
    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
        FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
        // After Spring's ForwardedHeaderFilter (HIGHEST_PRECEDENCE) so that isSecure() sees the proxy's scheme.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Sessions revoked on another node end here too, before Spring Security reads them (issue #17). */
    @Bean
    FilterRegistrationBean<SessionRevocationFilter> sessionRevocationFilter(SessionRevocations revocations) {
        FilterRegistrationBean<SessionRevocationFilter> registration = new FilterRegistrationBean<>(new SessionRevocationFilter(revocations));
        // Before Spring Security's filter chain (DEFAULT_FILTER_ORDER, -100), after the security headers.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * One authentication manager for the login form and for tests, publishing success/failure
     * events that drive the lockout and the audit trail.
     */
    @Bean
    AuthenticationManager authenticationManager(AppUserDetailsService users, PasswordEncoder encoder,
                                                ApplicationEventPublisher events) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    /** bcrypt by default, with the {id} prefix so the algorithm can be upgraded later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }
}
