package org.protectioncases.security;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.protectioncases.security.ui.LoginView;
import org.protectioncases.security.ui.SecondFactorView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Takes a sign-in that still owes its second factor to {@link SecondFactorView}, whatever page it
 * asks for. This is the way there, not the lock: method security ({@link Access}) refuses every
 * service call of such a sign-in anyway.
 */
@Component
class SecondFactorNavigationGate implements VaadinServiceInitListener {

    private final SecondFactorPolicy policy;
    private final SecurityContextHolderStrategy contexts;

    SecondFactorNavigationGate(SecondFactorPolicy policy, ObjectProvider<SecurityContextHolderStrategy> contexts) {
        this.policy = policy;
        this.contexts = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    private void beforeEnter(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target == SecondFactorView.class || target == LoginView.class) {
            return;
        }
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication != null && policy.missing(authentication)) {
            event.forwardTo(SecondFactorView.class);
        }
    }
}
