package org.protectioncases.shell.ui;

import static org.assertj.core.api.Assertions.assertThat;
import org.protectioncases.support.OwnerDatabase;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

/** The header's language switcher changes the UI language and remembers it for the user. */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class LanguageSwitchTest extends SpringBrowserlessTest {

    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;

    private String storedLanguage() {
        return jdbc.sql("select preferred_language from user_account where username = 'monitor.at'").query(String.class).single();
    }

    @AfterEach
    void restore() {
        jdbc.sql("update user_account set preferred_language = 'sr' where username = 'monitor.at'").update();
    }

    @Test
    @WithUserDetails("monitor.at")
    void aSerbianSpeakingMonitorSwitchesToEnglish() {
        navigate(HomeView.class);
        assertThat(getCurrentView().getElement().getText()).isNotNull();
        @SuppressWarnings("unchecked")
        Select<Object> language = find(Select.class).all().stream()
                .filter(s -> s.hasClassName("header-language")).findFirst().orElseThrow();
        assertThat(language.getValue().toString()).isEqualTo("SR");

        test(language).selectItem("English");

        assertThat(storedLanguage()).isEqualTo("en");
        assertThat(com.vaadin.flow.server.VaadinSession.getCurrent().getLocale().getLanguage()).isEqualTo("en");
    }
}
