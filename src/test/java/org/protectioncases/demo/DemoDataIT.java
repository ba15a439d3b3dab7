package org.protectioncases.demo;

import static org.assertj.core.api.Assertions.assertThat;
import org.protectioncases.support.OwnerDatabase;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.protectioncases.security.AppUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

@SpringBootTest
class DemoDataIT {

    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;
    @Autowired
    AuthenticationManager authenticationManager;

    @Test
    void createsTheFourPartnersOfTheFactsheet() {
        List<String> codes = jdbc.sql("select code from partner where code in ('UNHCR','CRPK','AT','KRCT') order by code")
                .query(String.class).list();
        assertThat(codes).containsExactly("AT", "CRPK", "KRCT", "UNHCR");
    }

    @Test
    void everyDemoUserSignsInWithTheReadmePasswordAndHasTheirRoleAndPartner() {
        for (DemoDataLoader.DemoUser demo : DemoDataLoader.USERS) {
            var auth = authenticationManager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(demo.username(), DemoDataLoader.DEMO_PASSWORD));
            AppUser user = (AppUser) auth.getPrincipal();
            assertThat(user.role()).as(demo.username()).isEqualTo(demo.role());
            assertThat(user.partnerCode()).as(demo.username()).isEqualTo(demo.partnerCode());
        }
    }

    @Test
    void lawyersAndMonitorsExistAtTwoDifferentPartners() {
        assertThat(DemoDataLoader.USERS.stream().filter(u -> u.role().name().equals("PARTNER_LAWYER"))
                .map(DemoDataLoader.DemoUser::partnerCode).distinct().count()).isGreaterThanOrEqualTo(2);
        assertThat(DemoDataLoader.USERS.stream().filter(u -> u.role().name().equals("PROTECTION_MONITOR"))
                .map(DemoDataLoader.DemoUser::partnerCode).distinct().count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void demoLawyersHaveCounsellingSessionsWithFollowUpsOnTheirOpenCases() {
        for (String partner : List.of("CRPK", "AT", "KRCT")) {
            long sessions = jdbc.sql("""
                    select count(*) from counselling_session s join partner p on p.id = s.owning_partner
                    where p.code = :code and s.counsellor = :lawyer""")
                    .param("code", partner).param("lawyer", "lawyer." + partner.toLowerCase(java.util.Locale.ROOT))
                    .query(Long.class).single();
            assertThat(sessions).as(partner).isGreaterThan(20);
        }
        assertThat(jdbc.sql("select count(*) from counselling_session where follow_up_on < current_date and follow_up_done_at is null")
                .query(Long.class).single()).as("overdue follow-ups").isPositive();
        assertThat(jdbc.sql("select count(*) from counselling_session s join protection_case c on c.id = s.case_id"
                + " where s.held_at::date < c.opened_on").query(Long.class).single()).as("sessions before their case").isZero();
    }
}
