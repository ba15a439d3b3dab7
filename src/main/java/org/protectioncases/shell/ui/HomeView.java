package org.protectioncases.shell.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.protectioncases.backup.BackupService;
import org.protectioncases.backup.ui.BackupCard;
import org.protectioncases.cases.CaseFilter;
import org.protectioncases.cases.CaseService;
import org.protectioncases.cases.CaseStatus;
import org.protectioncases.cases.CaseSummary;
import org.protectioncases.cases.CaseTransferService;
import org.protectioncases.cases.CaseloadRow;
import org.protectioncases.cases.CaseloadService;
import org.protectioncases.counselling.CounsellingService;
import org.protectioncases.counselling.SessionFilter;
import org.protectioncases.followups.FollowUpKind;
import org.protectioncases.followups.FollowUpService;
import org.protectioncases.followups.TeamOverdue;
import org.protectioncases.followups.ui.FollowUpList;
import org.protectioncases.legal.CaseEventService;
import org.protectioncases.legal.ui.UpcomingLegalEvents;
import org.protectioncases.monitoring.VisitFilter;
import org.protectioncases.monitoring.VisitService;
import org.protectioncases.people.PersonFilter;
import org.protectioncases.people.PersonService;
import org.protectioncases.security.AppUser;
import org.protectioncases.security.CurrentUser;
import org.protectioncases.shared.Role;
import org.protectioncases.shared.i18n.Formats;
import org.protectioncases.shared.ui.EmptyState;
import org.protectioncases.shared.ui.PersonLabels;
import org.protectioncases.shared.ui.Staff;
import org.protectioncases.shelters.ShelterService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The first page after login, one per role: what the user has to do today and the shortest way
 * to do it. Only the services the role may call are touched.
 */
@Route("")
@PermitAll
@Menu(order = 0, title = "nav.home", icon = "vaadin:home")
public class HomeView extends Main implements HasDynamicTitle {

    private static final DateTimeFormatter DATE = Formats.DATE;

    private final ObjectProvider<CaseService> cases;
    private final ObjectProvider<CaseloadService> caseloads;
    private final ObjectProvider<CaseTransferService> transfers;
    private final ObjectProvider<CounsellingService> sessions;
    private final ObjectProvider<FollowUpService> followUps;
    private final ObjectProvider<PersonService> people;
    private final ObjectProvider<VisitService> visits;
    private final ObjectProvider<ShelterService> shelters;
    private final ObjectProvider<BackupService> backups;
    private final AppUser user;

    private final ObjectProvider<CaseEventService> legalEvents;

    private final Clock clock;

    public HomeView(CurrentUser currentUser, ObjectProvider<CaseService> cases, ObjectProvider<CaseloadService> caseloads,
                    ObjectProvider<CaseTransferService> transfers, ObjectProvider<CounsellingService> sessions,
                    ObjectProvider<FollowUpService> followUps, ObjectProvider<PersonService> people,
                    ObjectProvider<VisitService> visits,
                    ObjectProvider<ShelterService> shelters, ObjectProvider<BackupService> backups,
                    ObjectProvider<CaseEventService> legalEvents, Clock clock) {
        this.clock = clock;
        this.legalEvents = legalEvents;
        this.visits = visits;
        this.backups = backups;
        this.shelters = shelters;
        this.cases = cases;
        this.caseloads = caseloads;
        this.transfers = transfers;
        this.sessions = sessions;
        this.followUps = followUps;
        this.people = people;
        addClassName("page");
        addClassName("home");
        AppUser user = currentUser.require();
        this.user = user;
        add(new H2(getTranslation("home.welcome", user.fullName())));
        add(new Paragraph(getTranslation("home.signedInAs", getTranslation(user.role().messageKey()),
                user.partnerCode() == null ? getTranslation("home.noPartner") : user.partnerCode())));
        switch (user.role()) {
            case ADMIN -> {
                add(new Paragraph(getTranslation("home.role.ADMIN")));
                add(new UnorderedList(
                        new ListItem(new Anchor("admin/partners", getTranslation("nav.partners"))),
                        new ListItem(new Anchor("admin/users", getTranslation("nav.users")))));
                add(new BackupCard(backups.getObject()));
            }
            case PARTNER_LAWYER -> lawyer();
            case PROTECTION_MONITOR -> monitor();
            case PARTNER_COORDINATOR -> coordinator();
            case UNHCR_MANAGER -> manager();
        }
    }

    private void lawyer() {
        add(actions(link("home.action.logSession", "sessions/new"), link("home.action.register", "people/new")));
        legalEvents();
        add(new H3(getTranslation("home.followUps")), new FollowUpList(followUps.getObject(), clock, 14, 10));
        add(new H3(getTranslation("home.myOpenCases")), openCases(new CaseFilter(true, null, null, null, false, null)));
    }

    private void monitor() {
        add(actions(link("home.action.recordVisit", "visits/new"), link("home.action.visits", "visits")));
        add(new H3(getTranslation("home.followUps")), new FollowUpList(followUps.getObject(), clock, 14, 10));
        add(new H3(getTranslation("home.myRecentVisits")));
        var recent = visits.getObject().list(new VisitFilter(null, null, null, null, user.getUsername(), null),
                PageRequest.of(0, 8));
        if (recent.isEmpty()) {
            add(EmptyState.paragraph(getTranslation("home.noVisits")));
        } else {
            UnorderedList list = new UnorderedList();
            recent.forEach(v -> list.add(new ListItem(new Anchor("visits/" + v.id(), v.visitDate().format(DATE) + " · "
                    + getTranslation(v.locationType().messageKey()) + " · " + v.place()))));
            add(list);
        }
    }

    /**
     * The coordinator's day: the team's totals, who is behind (overdue cases and follow-ups per
     * caseworker), transfers waiting for a decision, the caseload, then their own follow-ups.
     * Every part says so when it is empty.
     */
    private void coordinator() {
        add(actions(link("home.action.logSession", "sessions/new"), link("home.action.register", "people/new"),
                link("nav.cases", "cases")));
        LocalDate today = LocalDate.now(clock);
        List<TeamOverdue> team = followUps.getObject().teamOverdue(today);
        var pending = transfers.getObject().incomingTransfers();
        List<CaseloadRow> rows = caseloads.getObject().caseload();
        long open = rows.stream().mapToLong(CaseloadRow::cases).sum();
        long unassigned = rows.stream().filter(r -> r.assignedTo() == null).mapToLong(CaseloadRow::cases).sum();
        long overdueCases = team.stream().mapToLong(t -> t.count(FollowUpKind.CASE)).sum();
        long overdueFollowUps = team.stream().mapToLong(t -> t.total() - t.count(FollowUpKind.CASE)).sum();

        FlexLayout tiles = new FlexLayout();
        tiles.addClassName("tiles");
        tiles.add(tile(getTranslation("home.figure.openCases"), open));
        Div overdueTile = tile(getTranslation("home.figure.overdueCases"), overdueCases);
        Div followUpTile = tile(getTranslation("home.figure.overdueFollowUps"), overdueFollowUps);
        if (overdueCases > 0) {
            overdueTile.addClassName("tile-alert");
        }
        if (overdueFollowUps > 0) {
            followUpTile.addClassName("tile-alert");
        }
        tiles.add(overdueTile, followUpTile, tile(getTranslation("home.figure.unassigned"), unassigned),
                tile(getTranslation("home.figure.pendingTransfers"), pending.size()));
        add(tiles);

        add(new H3(getTranslation("home.overdue")));
        Grid<TeamOverdue> overdue = new Grid<>();
        overdue.addColumn(t -> Staff.name(t.username())).setHeader(getTranslation("case.assignedTo"))
                .setAutoWidth(true).setFlexGrow(1);
        overdue.addColumn(t -> Formats.integer(getLocale(), t.count(FollowUpKind.CASE)))
                .setHeader(getTranslation("home.overdue.cases")).setAutoWidth(true);
        overdue.addColumn(t -> Formats.integer(getLocale(), t.total() - t.count(FollowUpKind.CASE)))
                .setHeader(getTranslation("home.overdue.followUps")).setAutoWidth(true);
        overdue.setItems(team);
        overdue.setAllRowsVisible(true);
        overdue.setAriaLabel(getTranslation("home.overdue"));
        EmptyState.on(overdue, getTranslation("home.overdue.none"));
        add(overdue);
        if (overdueCases > 0) {
            add(new Paragraph(new Anchor("cases?overdue", getTranslation("home.overdue.show"))));
        }

        add(new H3(getTranslation("home.transfers")));
        if (pending.isEmpty()) {
            add(EmptyState.paragraph(getTranslation("home.transfers.none")));
        } else {
            UnorderedList list = new UnorderedList();
            pending.forEach(t -> list.add(new ListItem(new Anchor("cases", t.caseNo() + " · " + getTranslation(t.caseType().messageKey())
                    + " · " + PersonLabels.shown(t.personLabel())))));
            add(list, new Paragraph(getTranslation("home.pendingTransfers", pending.size())));
        }

        add(new H3(getTranslation("home.caseload")));
        Paragraph unassignedLine = new Paragraph(getTranslation("home.unassigned", unassigned));
        if (unassigned > 0) {
            unassignedLine.addClassName("notice");
            add(unassignedLine);
        }
        add(caseloadTable(rows));
        legalEvents();
        add(new H3(getTranslation("home.followUps")), new FollowUpList(followUps.getObject(), clock, 14, 10));
    }

    /** Hearings and deadlines of the user's own cases in the next 30 days, overdue first (legal module). */
    private void legalEvents() {
        add(new H3(getTranslation("nav.agenda")), new UpcomingLegalEvents(legalEvents.getObject(), clock, 30, 8));
    }

    private void manager() {
        int year = LocalDate.now(clock).getYear();
        FlexLayout tiles = new FlexLayout();
        tiles.addClassName("tiles");
        tiles.add(tile(getTranslation("home.figure.people"), people.getObject().count(PersonFilter.none())));
        tiles.add(tile(getTranslation("home.figure.openCases"), cases.getObject().count(
                new CaseFilter(false, null, CaseStatus.OPEN, null, false, null))
                + cases.getObject().count(new CaseFilter(false, null, CaseStatus.IN_PROGRESS, null, false, null))
                + cases.getObject().count(new CaseFilter(false, null, CaseStatus.WAITING_FOR_AUTHORITY, null, false, null))));
        tiles.add(tile(getTranslation("home.figure.sessions", String.valueOf(year)), sessions.getObject().count(
                new SessionFilter(null, LocalDate.of(year, 1, 1), null, null, null))));
        tiles.add(tile(getTranslation("home.figure.visits", String.valueOf(year)), visits.getObject().count(
                new VisitFilter(LocalDate.of(year, 1, 1), null, null, null, null, null))));
        var occupancy = shelters.getObject().occupancyAsOf(LocalDate.now(clock));
        tiles.add(tile(getTranslation("home.figure.shelterResidents", occupancy.shelters()), occupancy.persons()));
        add(tiles);
        add(new Paragraph(new Anchor("shelters", getTranslation("nav.shelters"))));
        add(new Paragraph(getTranslation("home.role.UNHCR_MANAGER")));
    }

    private Component openCases(CaseFilter filter) {
        List<CaseSummary> open = cases.getObject().list(filter, PageRequest.of(0, 30, Sort.by("nextActionDate"))).stream()
                .filter(c -> c.status() != CaseStatus.CLOSED).limit(10).toList();
        if (open.isEmpty()) {
            return EmptyState.paragraph(getTranslation("home.noOpenCases"));
        }
        LocalDate today = LocalDate.now(clock);
        UnorderedList list = new UnorderedList();
        for (CaseSummary c : open) {
            String next = c.nextActionDate() == null ? "" : " · " + getTranslation("case.nextAction") + " " + c.nextActionDate().format(DATE)
                    + (c.overdue(today) ? " (" + getTranslation("case.overdue") + ")" : "");
            list.add(new ListItem(new Anchor("cases/" + c.id(), c.caseNo() + " · " + PersonLabels.shown(c.personLabel())),
                    new Span(" · " + getTranslation(c.status().messageKey()) + next)));
        }
        return list;
    }

    private Component caseloadTable(List<CaseloadRow> rows) {
        Grid<CaseloadRow> grid = new Grid<>();
        grid.addColumn(r -> r.assignedTo() == null ? getTranslation("home.unassignedLabel") : Staff.name(r.assignedTo()))
                .setHeader(getTranslation("case.assignedTo")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation(r.status().messageKey())).setHeader(getTranslation("case.status")).setAutoWidth(true);
        grid.addColumn(CaseloadRow::cases).setHeader(getTranslation("home.cases")).setAutoWidth(true);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("home.caseload"));
        EmptyState.on(grid, getTranslation("home.caseload.none"));
        return grid;
    }

    private Div tile(String label, long value) {
        Div tile = new Div(new Span(Formats.integer(getLocale(), value)), new Span(label));
        tile.addClassName("tile");
        return tile;
    }

    private Button link(String key, String route) {
        Button b = new Button(getTranslation(key), e -> getUI().ifPresent(ui -> ui.navigate(route)));
        b.addThemeVariants(ButtonVariant.PRIMARY);
        return b;
    }

    private static FlexLayout actions(Component... buttons) {
        FlexLayout actions = new FlexLayout(buttons);
        actions.addClassName("filters");
        return actions;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home") + " | " + getTranslation("app.name");
    }
}
