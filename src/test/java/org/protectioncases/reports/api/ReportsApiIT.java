package org.protectioncases.reports.api;

import static org.assertj.core.api.Assertions.assertThat;
import org.protectioncases.support.OwnerDatabase;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.protectioncases.apitokens.ApiTokenDto;
import org.protectioncases.apitokens.ApiTokenService;
import org.protectioncases.apitokens.TokenOwner;
import org.protectioncases.partners.PartnerService;
import org.protectioncases.reports.population.Breakdown;
import org.protectioncases.reports.factsheet.Factsheet;
import org.protectioncases.reports.factsheet.FactsheetService;
import org.protectioncases.reports.population.Population;
import org.protectioncases.reports.factsheet.YearCount;
import org.protectioncases.security.NewUserAccount;
import org.protectioncases.security.SystemAccess;
import org.protectioncases.security.UserAccountDto;
import org.protectioncases.security.UserAccountService;
import org.protectioncases.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reporting API over real HTTP with real tokens: the same figures as the service for the
 * token's owner, 401 for every unusable token, 403 for a role that may not read reports, 400
 * naming a bad parameter, no session cookie, and the OpenAPI description.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportsApiIT {

    static final LocalDate AS_OF = LocalDate.of(2019, 4, 30);
    static final String FACTSHEET = "/api/v1/reports/factsheet?year=2019&asOf=2019-04-30";

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    FactsheetService factsheets;
    @Autowired
    UserAccountService accounts;
    @Autowired
    PartnerService partners;
    @Autowired
    SystemAccess system;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String token, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String tokenFor(String username) {
        return system.runAsAccount("manager", () -> {
            TokenOwner owner = tokens.owners().stream().filter(o -> o.username().equals(username)).findFirst().orElseThrow();
            return tokens.create(owner.id(), "ReportsApiIT " + username, LocalDate.now().plusDays(30)).secret();
        });
    }

    /** A new coordinator of CRPK (so changing or disabling them leaves the demo accounts alone). */
    private UserAccountDto newCoordinator(String prefix) {
        long crpk = system.runAsAdmin(() -> partners.findByCode("CRPK").orElseThrow().id());
        String username = prefix + System.nanoTime() % 1_000_000;
        return system.runAsAdmin(() -> accounts.create(new NewUserAccount(username, "API " + username, null,
                Role.PARTNER_COORDINATOR, crpk, "en", "Kestrel-Violet-Harbour-93")));
    }

    private static void assertJsonError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body()).contains("\"error\":\"" + error + "\"");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    private void assertSameFactsheet(String body, Factsheet expected) {
        Factsheet actual = json.readValue(body, Factsheet.class);
        assertThat(actual).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .isEqualTo(expected);
    }

    @Test
    void managerTokenGetsTheManagersFactsheet() throws Exception {
        HttpResponse<String> response = get(FACTSHEET, tokenFor("manager"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        Factsheet expected = system.runAsAccount("manager", () -> factsheets.factsheet(2019, AS_OF));
        assertSameFactsheet(response.body(), expected);
        // Provenance and source are published with each figure, not just the number.
        JsonNode node = json.readTree(response.body());
        assertThat(node.get("asylumSeekers").get("provenance").asString()).isEqualTo(expected.asylumSeekers().provenance().name());
        assertThat(node.get("partnerCode").isNull()).isTrue();
    }

    @Test
    void coordinatorTokenGetsThePartnersShare() throws Exception {
        HttpResponse<String> response = get(FACTSHEET, tokenFor("coordinator.crpk"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Factsheet expected = system.runAsAccount("coordinator.crpk", () -> factsheets.factsheet(2019, AS_OF));
        assertThat(expected.partnerCode()).isEqualTo("CRPK");
        assertSameFactsheet(response.body(), expected);
    }

    @Test
    void tokensAreUsedWithTheOwnersCurrentRole() throws Exception {
        UserAccountDto coordinator = newCoordinator("api.role.");
        String token = tokenFor(coordinator.username());
        assertThat(get(FACTSHEET, token).statusCode()).isEqualTo(200);
        // The account becomes a lawyer: same token, no reports (lawyers do not read the factsheet).
        system.runAsAdmin(() -> accounts.update(new UserAccountDto(coordinator.id(), coordinator.username(), coordinator.fullName(),
                coordinator.email(), Role.PARTNER_LAWYER, coordinator.partnerId(), coordinator.language(), true, false,
                accounts.get(coordinator.id()).orElseThrow().version())));
        assertJsonError(get(FACTSHEET, token), 403, "forbidden");
        assertJsonError(get("/api/v1/reports/returns-per-year?asOf=2019-04-30", token), 403, "forbidden");
    }

    @Test
    void unusableTokensGet401() throws Exception {
        HttpResponse<String> none = get(FACTSHEET, null);
        assertJsonError(none, 401, "unauthorized");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));

        assertJsonError(get(FACTSHEET, "pc_00000000_" + "A".repeat(43)), 401, "invalid_token");
        assertJsonError(get(FACTSHEET, "not-a-token"), 401, "invalid_token");

        String revoked = tokenFor("manager");
        assertThat(get(FACTSHEET, revoked).statusCode()).isEqualTo(200);
        system.runAsAccount("manager", () -> tokens.revoke(idOf(revoked)));
        HttpResponse<String> afterRevoke = get(FACTSHEET, revoked);
        assertJsonError(afterRevoke, 401, "invalid_token");
        assertThat(afterRevoke.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).contains("invalid_token"));

        String expired = tokenFor("manager");
        jdbc.sql("update api_token set created_at = now() - interval '40 days', expires_at = now() - interval '1 second' where id = :id")
                .param("id", idOf(expired)).update();
        assertJsonError(get(FACTSHEET, expired), 401, "invalid_token");

        UserAccountDto coordinator = newCoordinator("api.disabled.");
        String ofDisabled = tokenFor(coordinator.username());
        assertThat(get(FACTSHEET, ofDisabled).statusCode()).isEqualTo(200);
        system.runAsAdmin(() -> accounts.setEnabled(coordinator.id(), false));
        assertJsonError(get(FACTSHEET, ofDisabled), 401, "invalid_token");
    }

    /** The token's id from its non-secret prefix (the list never shows the secret). */
    private long idOf(String secret) {
        String prefix = secret.split("_")[1];
        return system.runAsAccount("manager", () -> tokens.list()).stream().filter(t -> t.prefix().equals(prefix))
                .findFirst().orElseThrow().id();
    }

    @Test
    void badParametersAre400NamingTheParameter() throws Exception {
        String token = tokenFor("manager");
        record Case(String query, String field) {
        }
        for (Case c : List.of(new Case("/api/v1/reports/factsheet?year=abc", "year"),
                new Case("/api/v1/reports/factsheet?year=1990&asOf=2019-04-30", "year"),
                new Case("/api/v1/reports/factsheet?year=2019&asOf=30.04.2019", "asOf"),
                new Case("/api/v1/reports/factsheet?asOf=" + LocalDate.now().plusDays(2), "asOf"),
                new Case("/api/v1/reports/breakdown?population=FOO&year=2019", "population"),
                new Case("/api/v1/reports/breakdown?year=2019", "population"),
                new Case("/api/v1/reports/breakdown?population=IN_SHELTERS&external=maybe", "external"),
                new Case("/api/v1/reports/returns-per-year?format=xml", "format"))) {
            HttpResponse<String> response = get(c.query(), token);
            assertJsonError(response, 400, "bad_request");
            JsonNode body = json.readTree(response.body());
            assertThat(body.get("field").asString()).as(c.query()).isEqualTo(c.field());
            assertThat(body.get("message").asString()).as(c.query()).isNotBlank().doesNotContain("Exception");
        }
    }

    @Test
    void breakdownMatchesTheServiceAndProtectsSmallCells() throws Exception {
        String token = tokenFor("manager");
        for (Population population : Population.values()) {
            Breakdown expected = system.runAsAccount("manager", () -> factsheets.breakdown(population, 2019, AS_OF));
            String base = "/api/v1/reports/breakdown?population=" + population + "&year=2019&asOf=2019-04-30";
            BreakdownTable raw = json.readValue(get(base + "&external=false", token).body(), BreakdownTable.class);
            assertThat(raw.external()).isFalse();
            assertThat(raw.rows()).hasSize(expected.rows().size() + 1);
            for (int r = 0; r < expected.rows().size(); r++) {
                Breakdown.Row row = expected.rows().get(r);
                BreakdownTable.Row published = raw.rows().get(r);
                assertThat(published.ageGroup()).isEqualTo(row.ageGroup() == null ? "UNKNOWN" : row.ageGroup().name());
                assertThat(List.of(published.female().value(), published.male().value(), published.other().value(), published.total().value()))
                        .as(population + " row " + r).containsExactly(row.female(), row.male(), row.other(), row.total());
            }
            assertThat(raw.rows().getLast().total().value()).isEqualTo(expected.total());

            // Default: for external sharing. Shown cells keep their values; no 1-4 is ever shown.
            BreakdownTable external = json.readValue(get(base, token).body(), BreakdownTable.class);
            assertThat(external.external()).isTrue();
            for (int r = 0; r < raw.rows().size(); r++) {
                List<BreakdownTable.Cell> shown = cells(external.rows().get(r));
                List<BreakdownTable.Cell> all = cells(raw.rows().get(r));
                for (int c = 0; c < 4; c++) {
                    BreakdownTable.Cell cell = shown.get(c);
                    if (cell.suppressed() == null) {
                        assertThat(cell.value()).isEqualTo(all.get(c).value()).satisfies(v -> assertThat(v == 0 || v >= 5).isTrue());
                    } else {
                        assertThat(cell.value()).isNull();
                        assertThat(cell.suppressed()).isIn("<5", "x");
                        long real = all.get(c).value();
                        assertThat(cell.suppressed().equals("<5")).isEqualTo(real >= 1 && real <= 4);
                    }
                }
            }
        }
    }

    private static List<BreakdownTable.Cell> cells(BreakdownTable.Row row) {
        return List.of(row.female(), row.male(), row.other(), row.total());
    }

    @Test
    void yearlySeriesMatchTheServiceAsJsonAndCsv() throws Exception {
        String token = tokenFor("coordinator.crpk");
        List<YearCount> returns = system.runAsAccount("coordinator.crpk", () -> factsheets.returnsPerYear(AS_OF));
        List<YearCount> asylum = system.runAsAccount("coordinator.crpk", () -> factsheets.asylumSeekersPerYear(AS_OF));
        assertThat(List.of(json.readValue(get("/api/v1/reports/returns-per-year?asOf=2019-04-30", token).body(), YearCount[].class)))
                .isEqualTo(returns);
        assertThat(List.of(json.readValue(get("/api/v1/reports/asylum-seekers-per-year?asOf=2019-04-30", token).body(), YearCount[].class)))
                .isEqualTo(asylum);

        HttpResponse<String> csv = get("/api/v1/reports/returns-per-year?asOf=2019-04-30", token, "Accept", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("year,persons");
        assertThat(lines.subList(1, lines.size())).containsExactlyElementsOf(returns.stream().map(c -> c.year() + "," + c.persons()).toList());
    }

    @Test
    void factsheetAndBreakdownAsCsvHaveAHeaderRow() throws Exception {
        String token = tokenFor("manager");
        Factsheet expected = system.runAsAccount("manager", () -> factsheets.factsheet(2019, AS_OF));
        HttpResponse<String> factsheet = get(FACTSHEET + "&format=csv", token);
        assertThat(factsheet.statusCode()).isEqualTo(200);
        assertThat(factsheet.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<String> lines = factsheet.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("figure,value,provenance,source");
        assertThat(lines).contains("asylum_seekers," + expected.asylumSeekers().value().toPlainString() + ","
                + expected.asylumSeekers().provenance() + ",");
        assertThat(lines).contains("displaced_total," + expected.displacedTotal().value().toPlainString() + ",COMPUTED,");

        HttpResponse<String> breakdown = get("/api/v1/reports/breakdown?population=RETURNED_SINCE_2000&year=2019&asOf=2019-04-30",
                token, "Accept", "text/csv");
        List<String> rows = breakdown.body().lines().toList();
        assertThat(rows.getFirst()).isEqualTo("age_group,female,male,other,total");
        assertThat(rows).hasSize(1 + 6 + 1).last().satisfies(l -> assertThat(l).startsWith("TOTAL,"));
    }

    @Test
    void openApiDescribesTheEndpointsWithoutAToken() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs", null);
        assertThat(docs.statusCode()).as(docs.body()).isEqualTo(200);
        JsonNode api = json.readTree(docs.body());
        assertThat(api.get("paths").propertyNames()).contains("/api/v1/reports/factsheet", "/api/v1/reports/breakdown",
                "/api/v1/reports/returns-per-year", "/api/v1/reports/asylum-seekers-per-year");
        assertThat(api.get("components").get("securitySchemes").get("bearer").get("scheme").asString()).isEqualTo("bearer");
        assertThat(docs.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(get("/swagger-ui/index.html", null).statusCode()).isEqualTo(200);
        // Vaadin's routing is untouched: the login page still renders and other pages still need a login.
        assertThat(get("/login", null).statusCode()).isEqualTo(200);
        assertThat(get("/api-tokens", null).statusCode()).isEqualTo(302);
    }

    @Test
    void useIsRecordedOnTheToken() throws Exception {
        String token = tokenFor("manager");
        long id = idOf(token);
        assertThat(get("/api/v1/reports/asylum-seekers-per-year", token).statusCode()).isEqualTo(200);
        ApiTokenDto used = system.runAsAccount("manager", () -> tokens.list()).stream().filter(t -> t.id() == id).findFirst().orElseThrow();
        assertThat(used.lastUsedAt()).isNotNull();
    }
}
