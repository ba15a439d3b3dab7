package org.protectioncases.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Gives the inline scripts of Vaadin's bootstrap page the nonce that {@link SecurityHeadersFilter}
 * put into this response's Content-Security-Policy, so they run and no other inline script does.
 */
@Component
class CspNonceListener implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            Object nonce = response.getVaadinRequest().getAttribute(SecurityHeadersFilter.NONCE_ATTRIBUTE);
            if (nonce instanceof String value) {
                response.getDocument().getElementsByTag("script").attr("nonce", value);
            }
        });
    }
}
