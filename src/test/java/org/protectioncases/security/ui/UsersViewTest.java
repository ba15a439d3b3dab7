package org.protectioncases.security.ui;

import static org.assertj.core.api.Assertions.assertThat;
import org.protectioncases.support.OwnerDatabase;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class UsersViewTest extends SpringBrowserlessTest {

    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;

    private long count(String username) {
        return jdbc.sql("select count(*) from user_account where username = :u").param("u", username).query(Long.class).single();
    }

    @Test
    @WithUserDetails("admin")
    void weakPasswordAndMissingPartnerAreShownInlineAndNothingIsSaved() {
        UsersView view = navigate(UsersView.class);
        test(view.add).click();
        UsersView.Editor editor = find(UsersView.Editor.class).single();
        String username = "ui." + UUID.randomUUID().toString().substring(0, 8);
        test(editor.username).setValue(username);
        test(editor.fullName).setValue("Ui Test");
        test(editor.password).setValue("password1234");
        test(editor.save).click();

        assertThat(editor.isOpened()).isTrue();
        assertThat(editor.password.isInvalid()).isTrue();
        assertThat(editor.password.getErrorMessage()).isEqualTo("This password is too common; choose another one");
        assertThat(editor.partner.isInvalid()).isTrue();
        assertThat(count(username)).isZero();
    }

    @Test
    @WithUserDetails("admin")
    void adminCreatesAMonitorForAPartner() {
        UsersView view = navigate(UsersView.class);
        test(view.add).click();
        UsersView.Editor editor = find(UsersView.Editor.class).single();
        String username = "ui." + UUID.randomUUID().toString().substring(0, 8);
        test(editor.username).setValue(username);
        test(editor.fullName).setValue("Arta Morina");
        test(editor.email).setValue("arta@example.org");
        test(editor.role).selectItem("Protection monitor");
        test(editor.partner).selectItem("KRCT – Kosova Rehabilitation Center for Tortured Victims");
        test(editor.language).selectItem("Shqip");
        test(editor.password).setValue("mountain-Rugova-river-9");
        test(editor.save).click();

        assertThat(editor.isOpened()).isFalse();
        assertThat(jdbc.sql("select role || ' ' || preferred_language from user_account where username = :u")
                .param("u", username).query(String.class).single()).isEqualTo("PROTECTION_MONITOR sq");
    }
}
