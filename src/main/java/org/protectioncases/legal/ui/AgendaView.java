package org.protectioncases.legal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.protectioncases.legal.CalendarEntry;
import org.protectioncases.legal.CalendarFeedService;
import org.protectioncases.legal.LegalCalendarService;
import org.jspecify.annotations.Nullable;
import org.protectioncases.security.Access;
import org.protectioncases.security.UserAccountDto;
import org.protectioncases.security.UserAccountService;
import org.protectioncases.shared.Permission;
import org.protectioncases.shared.Roles;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.Staff;

/**
 * Hearings, deadlines and follow-ups as an agenda (overdue ones first, then by date, with days
 * left), a week or a month. A coordinator may switch to the whole partner's, each with its lawyer,
 * and pick one lawyer.
 */
@Route("agenda")
@RolesAllowed({Roles.PARTNER_COORDINATOR, Roles.PARTNER_LAWYER})
@Menu(order = 6, title = "nav.agenda", icon = "vaadin:calendar")
public class AgendaView extends Main implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = Formats.TIME;

    private final LegalCalendarService service;
    private final Grid<CalendarEntry> grid = new Grid<>();
    private final Select<Integer> horizon = new Select<>();
    private final Select<Boolean> scope = new Select<>();
    private final Select<Show> view = new Select<>();
    private final ComboBox<UserAccountDto> lawyer = new ComboBox<>();
    private final MonthCalendar month;
    private final WeekCalendar week;

    private final Clock clock;
    private final Access access;

    public AgendaView(LegalCalendarService service, CalendarFeedService feeds, Access access, UserAccountService accounts, Clock clock) {
        this.clock = clock;
        this.access = access;
        this.service = service;
        addClassName("page");
        horizon.setLabel(getTranslation("legal.agenda.horizon"));
        horizon.setItems(7, 30, 90, 365);
        horizon.setItemLabelGenerator(d -> getTranslation("legal.agenda.days", d));
        horizon.setValue(30);
        horizon.setId("agenda-horizon");
        scope.setLabel(getTranslation("legal.agenda.scope"));
        scope.setItems(false, true);
        scope.setItemLabelGenerator(b -> getTranslation(b ? "legal.agenda.partner" : "legal.agenda.mine"));
        scope.setValue(false);
        scope.setVisible(access.may(Permission.COORDINATE_CASES));
        scope.setId("agenda-scope");
        // The partner's by lawyer (issue #19): one lawyer's hearings, deadlines and follow-ups.
        lawyer.setLabel(getTranslation("legal.agenda.lawyer"));
        lawyer.setPlaceholder(getTranslation("legal.agenda.allLawyers"));
        lawyer.setClearButtonVisible(true);
        lawyer.setId("agenda-lawyer");
        lawyer.setVisible(false);
        if (access.may(Permission.LIST_CASEWORKERS)) {
            lawyer.setItems(accounts.caseworkers());
            lawyer.setItemLabelGenerator(UserAccountDto::fullName);
        }
        LocalDate today = LocalDate.now(clock);
        grid.setId("agenda");
        grid.addColumn(e -> Formats.date(e.date()) + (e.time() == null ? "" : " " + e.time().format(TIME)))
                .setHeader(getTranslation("legal.event.date")).setAutoWidth(true);
        grid.addComponentColumn(e -> DaysLeft.badge(this, e.date(), today)).setHeader(getTranslation("legal.agenda.daysLeft")).setAutoWidth(true);
        grid.addComponentColumn(e -> CalendarMarks.kind(this, e)).setHeader(getTranslation("legal.event.kind")).setAutoWidth(true);
        grid.addComponentColumn(e -> new Anchor(e.route(), e.label())).setHeader(getTranslation("legal.agenda.record")).setAutoWidth(true);
        grid.addColumn(CalendarEntry::detail).setHeader(getTranslation("legal.event.title")).setFlexGrow(1);
        grid.addColumn(e -> e.place() == null ? "" : e.place()).setHeader(getTranslation("legal.event.place"));
        grid.addColumn(e -> Staff.name(e.staff())).setHeader(getTranslation("legal.agenda.lawyer")).setAutoWidth(true);
        grid.setPageSize(50);
        view.setLabel(getTranslation("legal.agenda.view"));
        view.setItems(Show.values());
        view.setItemLabelGenerator(v -> getTranslation(v.key));
        view.setValue(Show.LIST);
        view.setId("agenda-view");
        month = new MonthCalendar(YearMonth.from(today), today, m -> events(m.atDay(1), m.atEndOfMonth()));
        month.setVisible(false);
        week = new WeekCalendar(today, today, this::events);
        week.setVisible(false);
        horizon.addValueChangeListener(e -> load());
        scope.addValueChangeListener(e -> load());
        view.addValueChangeListener(e -> load());
        lawyer.addValueChangeListener(e -> load());
        FlexLayout filters = new FlexLayout(view, horizon, scope, lawyer);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        add(new H2(getTranslation("nav.agenda")), new Paragraph(getTranslation("legal.agenda.intro")),
                filters, grid, week, month, feedSection(feeds));
        load();
    }

    /** The personal iCalendar feed: make (or make anew) its secret address, shown once, or revoke it. */
    private Div feedSection(CalendarFeedService feeds) {
        Div section = new Div();
        section.setId("calendar-feed");
        Paragraph state = new Paragraph();
        TextField address = new TextField(getTranslation("legal.feed.address"));
        address.setReadOnly(true);
        address.setWidthFull();
        address.setVisible(false);
        address.setId("calendar-feed-address");
        Button revoke = new Button(getTranslation("legal.feed.revoke"));
        Runnable show = () -> {
            boolean has = feeds.hasFeed();
            state.setText(getTranslation(has ? "legal.feed.active" : "legal.feed.none"));
            revoke.setEnabled(has);
        };
        Button make = new Button(getTranslation("legal.feed.make"), e -> {
            String path = feeds.regenerate();
            String base = VaadinServletRequest.getCurrent() == null ? ""
                    : VaadinServletRequest.getCurrent().getHttpServletRequest().getRequestURL().toString()
                    .replaceFirst("(https?://[^/]+).*", "$1");
            address.setValue(base + path);
            address.setVisible(true);
            show.run();
        });
        make.setId("calendar-feed-make");
        revoke.addClickListener(e -> {
            feeds.revoke();
            address.clear();
            address.setVisible(false);
            show.run();
        });
        show.run();
        section.add(new H3(getTranslation("legal.feed.title")), new Paragraph(getTranslation("legal.feed.intro")), state,
                new HorizontalLayout(make, revoke), address);
        return section;
    }

    /**
     * The open hearings, deadlines and follow-ups of a week or month shown (at most 1,000: a month's
     * work, not an export); the same scope as the list.
     */
    private List<CalendarEntry> events(LocalDate from, LocalDate until) {
        return service.entries(partner(), lawyerName(), from, until, 0, LegalCalendarService.MAX);
    }

    private boolean partner() {
        return Boolean.TRUE.equals(scope.getValue());
    }

    private @Nullable String lawyerName() {
        return partner() && lawyer.getValue() != null ? lawyer.getValue().username() : null;
    }

    private void load() {
        Show shown = view.getValue() == null ? Show.LIST : view.getValue();
        grid.setVisible(shown == Show.LIST);
        horizon.setVisible(shown == Show.LIST);
        lawyer.setVisible(partner() && access.may(Permission.LIST_CASEWORKERS));
        month.setVisible(shown == Show.MONTH);
        week.setVisible(shown == Show.WEEK);
        if (shown == Show.MONTH) {
            month.reload();
            return;
        }
        if (shown == Show.WEEK) {
            week.reload();
            return;
        }
        LocalDate until = LocalDate.now(clock).plusDays(horizon.getValue());
        boolean partner = partner();
        String one = lawyerName();
        grid.setItems(q -> service.entries(partner, one, null, until, q.getOffset(), q.getLimit()).stream());
    }

    /** How the agenda is shown. */
    enum Show {
        LIST("legal.agenda.listView"), WEEK("legal.agenda.weekView"), MONTH("legal.agenda.monthView");

        final String key;

        Show(String key) {
            this.key = key;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.agenda") + " | " + getTranslation("app.name");
    }
}
