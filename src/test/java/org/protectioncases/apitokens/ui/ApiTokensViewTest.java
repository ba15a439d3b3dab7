package org.protectioncases.apitokens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.protectioncases.apitokens.ApiTokenDto;
import org.protectioncases.apitokens.ApiTokenService;
import org.protectioncases.apitokens.ApiTokenStatus;
import org.protectioncases.security.SystemAccess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/** The manager's token page: create shows the secret once, revoke asks first, errors sit next to fields. */
@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class ApiTokensViewTest extends SpringBrowserlessTest {

    @Autowired
    ApiTokenService tokens;
    @Autowired
    SystemAccess system;

    @Test
    @WithUserDetails("manager")
    void managerCreatesATokenSeesItsSecretOnceAndRevokesIt() {
        ApiTokensView view = navigate(ApiTokensView.class);
        test(view.create).click();
        ApiTokensView.CreateDialog dialog = find(ApiTokensView.CreateDialog.class).single();
        assertThat(dialog.expiresOn.getValue()).isEqualTo(LocalDate.now().plusDays(90));
        dialog.owner.setValue(dialog.owner.getListDataView().getItems()
                .filter(o -> o.username().equals("coordinator.krct")).findFirst().orElseThrow());
        test(dialog.name).setValue("KRCT dashboard (view test)");
        test(dialog.save).click();

        ApiTokensView.SecretDialog shown = find(ApiTokensView.SecretDialog.class).single();
        String secret = shown.secret.getValue();
        assertThat(secret).startsWith("pc_");
        ApiTokenDto created = system.runAsAccount("manager", () -> tokens.list()).stream()
                .filter(t -> secret.startsWith("pc_" + t.prefix() + "_")).findFirst().orElseThrow();
        assertThat(created.name()).isEqualTo("KRCT dashboard (view test)");
        assertThat(created.ownerUsername()).isEqualTo("coordinator.krct");
        assertThat(test(view.grid).size()).isEqualTo(system.runAsAccount("manager", () -> tokens.list()).size());

        // Newest first: the new token is the first row; its Revoke button asks before revoking.
        assertThat(test(view.grid).getRow(0).id()).isEqualTo(created.id());
        assertThat(test(view.grid).getCellText(0, 2)).isEqualTo("pc_" + created.prefix() + "_…").doesNotContain(secret);
        test((com.vaadin.flow.component.button.Button) test(view.grid).getCellComponent(0, "actions")).click();
        ApiTokensView.RevokeDialog revoke = find(ApiTokensView.RevokeDialog.class).single();
        test(revoke.revoke).click();
        assertThat(system.runAsAccount("manager", () -> tokens.list()).stream().filter(t -> t.id() == created.id())
                .findFirst().orElseThrow().status(Instant.now())).isEqualTo(ApiTokenStatus.REVOKED);
    }

    @Test
    @WithUserDetails("manager")
    void missingNameIsShownNextToTheField() {
        ApiTokensView view = navigate(ApiTokensView.class);
        test(view.create).click();
        ApiTokensView.CreateDialog dialog = find(ApiTokensView.CreateDialog.class).single();
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.owner.isInvalid()).isTrue();
        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(dialog.name.getErrorMessage()).isEqualTo("Required");
    }

    @Test
    @WithUserDetails("coordinator.crpk")
    void aCoordinatorCannotOpenTheTokenPage() {
        try {
            navigate(ApiTokensView.class);
        } catch (RuntimeException expected) {
            // access control reroutes or refuses; either way the view must not be shown
        }
        assertThat(getCurrentView()).isNotInstanceOf(ApiTokensView.class);
    }
}
