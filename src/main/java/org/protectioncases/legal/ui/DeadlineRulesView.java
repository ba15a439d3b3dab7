package org.protectioncases.legal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.protectioncases.legal.DayCount;
import org.protectioncases.legal.DeadlineRuleDto;
import org.protectioncases.legal.DeadlineRuleService;
import org.protectioncases.legal.DecisionType;
import org.protectioncases.shared.FieldValidationException;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.ui.FormErrors;
import org.protectioncases.shared.ui.Notifications;
import org.springframework.dao.OptimisticLockingFailureException;

/** The administrator's deadline rules: "N days from service of a decision of type X". */
@Route("admin/deadline-rules")
@RolesAllowed(Roles.ADMIN)
@Menu(order = 93, title = "nav.deadlineRules", icon = "vaadin:clock")
public class DeadlineRulesView extends Main implements HasDynamicTitle {

    private final DeadlineRuleService service;
    private final Grid<DeadlineRuleDto> grid = new Grid<>();

    public DeadlineRulesView(DeadlineRuleService service) {
        this.service = service;
        addClassName("page");
        grid.setId("deadline-rules");
        grid.addColumn(r -> getTranslation(r.decisionType() == null ? "common.any" : r.decisionType().messageKey()))
                .setHeader(getTranslation("legal.decision.type")).setAutoWidth(true);
        grid.addColumn(DeadlineRuleDto::name).setHeader(getTranslation("legal.rule.name")).setFlexGrow(1);
        grid.addColumn(r -> getTranslation("legal.rule.period", r.days(), getTranslation(r.dayCount() == null ? "common.any"
                : r.dayCount().messageKey()))).setHeader(getTranslation("legal.rule.period.header")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation(r.active() ? "common.yes" : "common.no")).setHeader(getTranslation("legal.rule.active"));
        grid.addItemClickListener(e -> edit(e.getItem()));
        Button add = new Button(getTranslation("legal.rule.add"), e -> edit(null));
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add(new H2(getTranslation("nav.deadlineRules")), new Paragraph(getTranslation("legal.rule.intro")), add, grid);
        grid.setItems(service.all());
    }

    private void edit(@Nullable DeadlineRuleDto rule) {
        Dialog d = new Dialog(getTranslation(rule == null ? "legal.rule.add" : "legal.rule.edit"));
        Select<DecisionType> type = new Select<>();
        type.setLabel(getTranslation("legal.decision.type"));
        type.setItems(DecisionType.values());
        type.setItemLabelGenerator(t -> getTranslation(t.messageKey()));
        TextField name = new TextField(getTranslation("legal.rule.name"));
        name.setMaxLength(DeadlineRuleDto.NAME_MAX);
        IntegerField days = new IntegerField(getTranslation("legal.rule.days"));
        days.setMin(1);
        days.setMax(365);
        Select<DayCount> count = new Select<>();
        count.setLabel(getTranslation("legal.rule.dayCount"));
        count.setItems(DayCount.values());
        count.setItemLabelGenerator(c -> getTranslation(c.messageKey()));
        Checkbox active = new Checkbox(getTranslation("legal.rule.active"), true);
        if (rule != null) {
            type.setValue(rule.decisionType());
            name.setValue(rule.name() == null ? "" : rule.name());
            days.setValue(rule.days());
            count.setValue(rule.dayCount());
            active.setValue(rule.active());
        }
        d.add(new FormLayout(type, name, days, count, active));
        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                service.save(new DeadlineRuleDto(rule == null ? null : rule.id(), type.getValue(), name.getValue(),
                        days.getValue() == null ? 0 : days.getValue(), count.getValue(), active.getValue(), rule == null ? 0 : rule.version()));
                Notifications.success(getTranslation("common.saved"));
                d.close();
                grid.setItems(service.all());
            } catch (FieldValidationException ex) {
                FormErrors.show(ex, Map.of("decisionType", type, "name", name, "days", days, "dayCount", count), d);
            } catch (OptimisticLockingFailureException ex) {
                Notifications.error(getTranslation("legal.changedMeanwhile"));
                d.close();
                grid.setItems(service.all());
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        d.getFooter().add(new Button(getTranslation("common.cancel"), e -> d.close()), save);
        d.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.deadlineRules") + " | " + getTranslation("app.name");
    }
}
