package org.protectioncases.apitokens;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.protectioncases.security.AppUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reporting API's own filter chain, ahead of the Vaadin chain: {@code /api/**} is stateless
 * (no session, no cookie, so no CSRF to protect against) and authenticated only by
 * {@code Authorization: Bearer <token>}. The OpenAPI description and Swagger UI are open: they
 * describe the API but hold no data. Failures are JSON, never the login page.
 */
@Configuration
class ApiSecurityConfig {

    static final String[] DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};
    private static final String BEARER = "Bearer ";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiTokenAuthenticator authenticator, ApiRateLimiter limiter,
                                               ObjectProvider<SecurityContextHolderStrategy> contextStrategy,
                                               ObjectProvider<JsonMapper> jsonMapper) throws Exception {
        SecurityContextHolderStrategy contexts = contextStrategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        JsonMapper json = jsonMapper.getIfAvailable(() -> JsonMapper.builder().build());
        String[] matched = new String[DOCS.length + 1];
        matched[0] = "/api/**";
        System.arraycopy(DOCS, 0, matched, 1, DOCS.length);
        http.securityMatcher(matched)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(DOCS).permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // The context lives for the request only; nothing is written to a session.
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> unauthorized(json, response, "unauthorized",
                                "A bearer token is required: Authorization: Bearer pc_..."))
                        .accessDeniedHandler((request, response, e) -> error(json, response, HttpServletResponse.SC_FORBIDDEN,
                                "forbidden", "This account may not read reports")))
                .addFilterBefore(new BearerTokenFilter(authenticator, limiter, contexts, json), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Authenticates a request that carries a bearer token; a token that is unknown, malformed,
     * expired or revoked, or whose account is disabled, ends the request with 401 at once and
     * counts against the client's address. A client that used up its failures gets 429 (even with a
     * good token) until its bucket refills, and a token with all its request slots in use gets 429.
     */
    static final class BearerTokenFilter extends OncePerRequestFilter {

        private final ApiTokenAuthenticator authenticator;
        private final ApiRateLimiter limiter;
        private final SecurityContextHolderStrategy contexts;
        private final JsonMapper json;

        BearerTokenFilter(ApiTokenAuthenticator authenticator, ApiRateLimiter limiter, SecurityContextHolderStrategy contexts,
                          JsonMapper json) {
            this.authenticator = authenticator;
            this.limiter = limiter;
            this.contexts = contexts;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                chain.doFilter(request, response);
                return;
            }
            // The remote address is the proxy's X-Forwarded-For only when server.forward-headers-strategy says so.
            String client = request.getRemoteAddr();
            OptionalLong blocked = limiter.blockedFor(client);
            if (blocked.isPresent()) {
                tooManyRequests(json, response, blocked.getAsLong(), "Too many failed authentications from this address");
                return;
            }
            Optional<ApiTokenAuthenticator.Authenticated> authenticated = authenticator.authenticate(header.substring(BEARER.length()).strip());
            if (authenticated.isEmpty()) {
                limiter.failed(client);
                unauthorized(json, response, "invalid_token", "The token is unknown, expired or revoked, or its account is disabled");
                return;
            }
            AppUser user = authenticated.get().user();
            long tokenId = authenticated.get().tokenId();
            if (!limiter.tryAcquire(tokenId)) {
                tooManyRequests(json, response, 1, "Too many requests in progress for this token; wait for one to finish");
                return;
            }
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            contexts.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                contexts.clearContext();
                limiter.release(tokenId);
            }
        }
    }

    private static void tooManyRequests(JsonMapper json, HttpServletResponse response, long retryAfterSeconds, String message)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        error(json, response, 429, "too_many_requests", message + " (retry after " + retryAfterSeconds + " s)");
    }

    private static void unauthorized(JsonMapper json, HttpServletResponse response, String code, String message) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, code.equals("invalid_token")
                ? "Bearer error=\"invalid_token\"" : "Bearer");
        error(json, response, HttpServletResponse.SC_UNAUTHORIZED, code, message);
    }

    private static void error(JsonMapper json, HttpServletResponse response, int status, String code, String message)
            throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
