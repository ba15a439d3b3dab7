package org.protectioncases.followups.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import org.protectioncases.followups.FollowUpService;
import org.protectioncases.shared.Roles;

/** "My follow-ups": overdue and the next 30 days, from cases, sessions and visits. */
@Route("follow-ups")
@RolesAllowed({Roles.PARTNER_COORDINATOR, Roles.PARTNER_LAWYER, Roles.PROTECTION_MONITOR})
@Menu(order = 5, title = "nav.followUps", icon = "vaadin:calendar-clock")
public class FollowUpsView extends Main implements HasDynamicTitle {

    private final Clock clock;

    public FollowUpsView(FollowUpService service, Clock clock) {
        this.clock = clock;
        addClassName("page");
        add(new H2(getTranslation("nav.followUps")), new Paragraph(getTranslation("followups.intro")), new FollowUpList(service, clock, 30, 200));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.followUps") + " | " + getTranslation("app.name");
    }
}
