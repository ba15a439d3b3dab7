package org.protectioncases.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Security headers on every response the server sends: pages, Vaadin's UIDL and heartbeat
 * requests, static resources, downloads, {@code /api/**}, error pages and the actuator. It runs
 * before both Spring Security chains (and after the forwarded-headers handling, so that HSTS sees
 * the original scheme) and also on error dispatches. Headers are written before the request is
 * handled, and a wrapper keeps later code (Vaadin, download handlers) from weakening framing or
 * caching.
 *
 * <p>The Content-Security-Policy of pages is as strict as Vaadin Flow 25 allows in production mode
 * without a frontend build (see {@link #pagePolicy(String)}); JSON and actuator answers get a
 * policy that allows nothing at all.
 */
final class SecurityHeadersFilter implements Filter {

    /** Request attribute holding this request's CSP nonce, for {@link CspNonceListener}. */
    static final String NONCE_ATTRIBUTE = SecurityHeadersFilter.class.getName() + ".nonce";

    /** Passkeys (WebAuthn) are created and used by our own pages only; every other powerful feature is off. */
    static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
            + "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
            + "publickey-credentials-create=(self), publickey-credentials-get=(self), screen-wake-lock=(), serial=(), usb=(), "
            + "xr-spatial-tracking=()";
    static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    /** Static resources without personal data; only they may be cached (by the browser, as their server says). */
    private static final List<String> STATIC_PREFIXES = List.of("/VAADIN/build/", "/VAADIN/static/", "/webjars/",
            "/styles/", "/lumo/", "/icons/", "/images/", "/swagger-ui/", "/favicon.ico", "/manifest.webmanifest");
    private static final List<String> DATA_PREFIXES = List.of("/api/", "/actuator", "/v3/api-docs");

    private final SecureRandom random = new SecureRandom();

    /**
     * The policy of pages rendered by Vaadin. Each exception to "only our own origin, no inline
     * code" is there because Vaadin Flow 25 needs it:
     * <ul>
     * <li>{@code script-src 'nonce-…'}: the bootstrap page starts the Flow client with inline
     *     scripts; {@link CspNonceListener} gives exactly those the nonce, so no other inline script
     *     (an injected {@code <script>} or {@code onclick=}) runs ({@code 'unsafe-inline'} is not
     *     allowed).</li>
     * <li>{@code script-src 'unsafe-eval'}: the Flow client runs what the server sends
     *     ({@code executeJs}: the page language, ECharts from {@code /webjars}, event data
     *     expressions of every component) through {@code new Function}. Removing it needs a
     *     frontend bundle with pre-compiled expressions, which this build does not have.</li>
     * <li>{@code style-src 'unsafe-inline'}: the bootstrap page carries inline {@code <style>}
     *     elements and the components and ECharts set style attributes and inject style elements
     *     at run time.</li>
     * <li>{@code img-src data: blob:} and {@code font-src data:}: Lumo's icons and masks are data
     *     URLs; charts and previews may use blob URLs.</li>
     * </ul>
     * Vaadin's server push is not used, so {@code connect-src 'self'} covers every request the
     * client makes (UIDL, heartbeat, uploads).
     */
    static String pagePolicy(String nonce) {
        return "default-src 'self'; "
                + "script-src 'self' 'nonce-" + nonce + "' 'unsafe-eval'; "
                + "style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:; "
                + "font-src 'self' data:; "
                + "connect-src 'self'; "
                + "object-src 'none'; "
                + "frame-src 'self'; "
                + "worker-src 'self'; "
                + "manifest-src 'self'; "
                + "base-uri 'self'; "
                + "form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String nonce = (String) request.getAttribute(NONCE_ATTRIBUTE);
        if (nonce == null) {
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            nonce = Base64.getEncoder().encodeToString(bytes);
            request.setAttribute(NONCE_ATTRIBUTE, nonce);
        }
        boolean cacheable = STATIC_PREFIXES.stream().anyMatch(path::startsWith);
        String policy = DATA_PREFIXES.stream().anyMatch(path::startsWith) ? DATA_POLICY : pagePolicy(nonce);
        Headers headers = new Headers(response, policy, cacheable, request.isSecure());
        headers.write();
        chain.doFilter(request, headers);
    }

    /** Writes the headers and keeps them: framing and caching cannot be loosened afterwards. */
    private static final class Headers extends HttpServletResponseWrapper {

        private final String policy;
        private final boolean cacheable;
        private final boolean secure;

        Headers(HttpServletResponse response, String policy, boolean cacheable, boolean secure) {
            super(response);
            this.policy = policy;
            this.cacheable = cacheable;
            this.secure = secure;
        }

        void write() {
            HttpServletResponse response = (HttpServletResponse) getResponse();
            response.setHeader("Content-Security-Policy", policy);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", "same-origin");
            response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
            response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
            if (secure) {
                // Only over HTTPS (directly, or behind a proxy with server.forward-headers-strategy set).
                response.setHeader("Strict-Transport-Security", HSTS);
            }
            if (!cacheable) {
                // Pages, UIDL, downloads and API answers carry personal data: never stored by browsers or proxies.
                response.setHeader("Cache-Control", "no-store");
                response.setHeader("Pragma", "no-cache");
                response.setHeader("Expires", "0");
            }
        }

        /** {@code value} null: the caller removes the header (Spring does so for Cache-Control). */
        private boolean kept(String name, @Nullable String value) {
            String header = name.toLowerCase(Locale.ROOT);
            return switch (header) {
                case "x-frame-options", "content-security-policy", "referrer-policy", "x-content-type-options" -> true;
                case "cache-control", "pragma", "expires" -> !cacheable && !(header.equals("cache-control") && value != null && value.contains("no-store"));
                default -> false;
            };
        }

        @Override
        public void setHeader(String name, @Nullable String value) {
            if (!kept(name, value)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!kept(name, value)) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setDateHeader(String name, long date) {
            if (!kept(name, "")) {
                super.setDateHeader(name, date);
            }
        }

        @Override
        public void addDateHeader(String name, long date) {
            if (!kept(name, "")) {
                super.addDateHeader(name, date);
            }
        }

        @Override
        public void reset() {
            super.reset();
            write();
        }
    }
}
