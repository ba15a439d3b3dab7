package org.protectioncases.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import org.protectioncases.shared.i18n.AppI18NProvider;
import org.springframework.stereotype.Component;

/**
 * Vaadin's own texts in the user's language: the reconnect messages, the system messages (session
 * ended, internal error) and the grid's sort buttons. Component texts with an i18n object (date
 * pickers, upload, login form) are set where the component is made.
 */
@Component
class VaadinTexts implements VaadinServiceInitListener {

    /**
     * Vaadin's grid connector writes {@code aria-label="Sort by <header>"} in English on every sort
     * button, with no i18n to change it; this rewrites the label whenever a sorter appears or changes.
     */
    static final String SORT_LABELS = """
            window.__pcSortBy = $0;
            const fix = el => {
              const header = el.textContent.trim();
              const wanted = header ? window.__pcSortBy.replace('{0}', header) : null;
              if (wanted && el.getAttribute('aria-label') !== wanted) { el.setAttribute('aria-label', wanted); }
            };
            if (!window.__pcSortObserver) {
              window.__pcSortObserver = new MutationObserver(changes => {
                for (const change of changes) {
                  const target = change.target.nodeType === 1 ? change.target : change.target.parentElement;
                  const sorter = target && target.closest && target.closest('vaadin-grid-sorter');
                  if (sorter) { fix(sorter); }
                  for (const node of change.addedNodes || []) {
                    if (node.nodeType === 1) { node.querySelectorAll('vaadin-grid-sorter').forEach(fix); }
                  }
                }
              });
              window.__pcSortObserver.observe(document.body,
                  {subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-label']});
            }
            document.querySelectorAll('vaadin-grid-sorter').forEach(fix);""";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(info -> messages(info.getLocale()));
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            // Per navigation: the login page changes the language without a reload.
            ui.addBeforeEnterListener(e -> apply(ui));
        });
    }

    private static void apply(UI ui) {
        Locale locale = ui.getLocale();
        ui.getReconnectDialogConfiguration().setDialogText(AppI18NProvider.text(locale, "vaadin.reconnecting"));
        ui.getReconnectDialogConfiguration().setDialogTextGaveUp(AppI18NProvider.text(locale, "vaadin.reconnectGaveUp"));
        ui.getPage().executeJs(SORT_LABELS, AppI18NProvider.text(locale, "grid.sortBy"));
    }

    static CustomizedSystemMessages messages(Locale locale) {
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        messages.setSessionExpiredCaption(AppI18NProvider.text(locale, "vaadin.sessionExpired.caption"));
        messages.setSessionExpiredMessage(AppI18NProvider.text(locale, "vaadin.sessionExpired.message"));
        messages.setInternalErrorCaption(AppI18NProvider.text(locale, "vaadin.internalError.caption"));
        messages.setInternalErrorMessage(AppI18NProvider.text(locale, "vaadin.internalError.message"));
        return messages;
    }
}
