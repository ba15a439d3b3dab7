package org.protectioncases.shared.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * All UI text comes from {@code messages_<lang>.properties} (UTF-8). A missing key shows as
 * {@code !key!} and is logged rather than failing the page; a test keeps the bundles in step.
 */
@Component
public class AppI18NProvider implements I18NProvider {

    public static final String BUNDLE = "messages";
    private static final Logger log = LoggerFactory.getLogger(AppI18NProvider.class);

    @Override
    public List<Locale> getProvidedLocales() {
        return Arrays.stream(Language.values()).map(Language::locale).toList();
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale target = Language.of(locale == null ? Locale.ENGLISH : locale).locale();
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, target, ResourceBundle.Control
                    .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, target).format(params);
        } catch (MissingResourceException e) {
            log.warn("Missing message key '{}' for locale {}", key, target);
            return "!" + key + "!";
        }
    }
}
