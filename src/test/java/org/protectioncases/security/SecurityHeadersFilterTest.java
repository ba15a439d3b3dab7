package org.protectioncases.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The kept headers stay when a handler tries to loosen or remove them. */
class SecurityHeadersFilterTest {

    @Test
    void aHandlerRemovingCacheControlNeitherFailsNorLoosensIt() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/calendar/feed/x.ics");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SecurityHeadersFilter().doFilter(request, response, (req, res) -> {
            // What Spring MVC does when a controller's response has no Cache-Control of its own.
            ((jakarta.servlet.http.HttpServletResponse) res).setHeader("Cache-Control", null);
            ((jakarta.servlet.http.HttpServletResponse) res).setHeader("X-Frame-Options", "SAMEORIGIN");
        });
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void passkeysMayBeCreatedAndUsedByOurOwnPagesOnly() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SecurityHeadersFilter().doFilter(new MockHttpServletRequest("GET", "/second-factor"), response, (req, res) -> {
        });
        assertThat(response.getHeader("Permissions-Policy"))
                .contains("publickey-credentials-create=(self)", "publickey-credentials-get=(self)", "camera=()")
                .doesNotContain("publickey-credentials-get=()");
    }
}
