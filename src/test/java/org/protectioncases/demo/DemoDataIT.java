package org.protectioncases.demo;

import static org.assertj.core.api.Assertions.assertThat;

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
}
