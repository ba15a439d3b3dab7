package org.protectioncases.partners.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.protectioncases.partners.PartnerDto;
import org.protectioncases.partners.PartnerService;
import org.protectioncases.partners.PartnerType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

@SpringBootTest
@ViewPackages(packages = "org.protectioncases")
class PartnersViewTest extends SpringBrowserlessTest {

    @Autowired
    PartnerService partners;

    @Test
    @WithUserDetails("admin")
    void adminCreatesAPartnerFromTheDialog() {
        PartnersView view = navigate(PartnersView.class);
        test(view.add).click();
        PartnersView.Editor editor = find(PartnersView.Editor.class).single();
        String code = "UI" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        test(editor.code).setValue(code);
        test(editor.name).setValue("Legal Aid Gjilan");
        test(editor.type).selectItem("Other organisation");
        test(editor.save).click();

        assertThat(editor.isOpened()).isFalse();
        assertThat(partners.findByCode(code)).get().extracting(PartnerDto::name, PartnerDto::type)
                .containsExactly("Legal Aid Gjilan", PartnerType.OTHER);
        test(view.filter).setValue(code);
        assertThat(test(view.grid).size()).isEqualTo(1);
    }

    @Test
    @WithUserDetails("admin")
    void aTakenCodeIsShownNextToTheFieldAndTheDialogStaysOpen() {
        PartnersView view = navigate(PartnersView.class);
        test(view.add).click();
        PartnersView.Editor editor = find(PartnersView.Editor.class).single();
        test(editor.code).setValue("KRCT");
        test(editor.name).setValue("Duplicate");
        test(editor.save).click();

        assertThat(editor.isOpened()).isTrue();
        assertThat(editor.code.isInvalid()).isTrue();
        assertThat(editor.code.getErrorMessage()).isEqualTo("Another partner already uses this code");
        assertThat(editor.name.isInvalid()).isFalse();
    }

    @Test
    @WithUserDetails("lawyer.crpk")
    void aLawyerCannotOpenThePartnerAdministration() {
        try {
            navigate(PartnersView.class);
        } catch (RuntimeException expected) {
            // access control reroutes or refuses; either way the view must not be shown
        }
        assertThat(getCurrentView()).isNotInstanceOf(PartnersView.class);
    }
}
