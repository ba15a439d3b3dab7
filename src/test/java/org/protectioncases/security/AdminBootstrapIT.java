package org.protectioncases.security;

import static org.assertj.core.api.Assertions.assertThat;
import org.protectioncases.support.OwnerDatabase;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.protectioncases.support.TestDatabaseInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/** Without an enabled administrator the app gives 'admin' a password from the environment or a random one, never a fixed one. */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapIT {

    @Autowired
    UserAccountService accounts;
    @Autowired
    @OwnerDatabase
    JdbcClient jdbc;
    @Autowired
    AuthenticationManager authenticationManager;
    @Autowired
    SystemAccess system;

    private void noEnabledAdministrator() {
        jdbc.sql("update user_account set enabled = false where role = 'ADMIN'").update();
    }

    private boolean signsIn(String password) {
        try {
            return authenticationManager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("admin", password)).isAuthenticated();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @AfterEach
    void restoreDemoAdmin() {
        jdbc.sql("update user_account set enabled = true where role = 'ADMIN'").update();
        system.runAsAdmin(() -> accounts.restoreAdministrator("admin", TestDatabaseInitializer.DEMO_PASSWORD));
    }

    @Test
    void usesThePasswordFromTheEnvironment() {
        noEnabledAdministrator();
        new AdminBootstrap(accounts, system, "cedar-Mitrovica-lane-5").run(null);
        assertThat(signsIn("cedar-Mitrovica-lane-5")).isTrue();
        assertThat(signsIn(TestDatabaseInitializer.DEMO_PASSWORD)).isFalse();
    }

    @Test
    void printsARandomPasswordOnceWhenNoneIsConfigured(CapturedOutput output) {
        noEnabledAdministrator();
        new AdminBootstrap(accounts, system, "").run(null);
        Matcher m = Pattern.compile("user 'admin' now has the password\\s+(\\S{20})\\s").matcher(output.getOut());
        assertThat(m.find()).as(output.getOut()).isTrue();
        assertThat(signsIn(m.group(1))).isTrue();
    }

    @Test
    void doesNothingWhileAnAdministratorExists() {
        new AdminBootstrap(accounts, system, "cedar-Mitrovica-lane-5").run(null);
        assertThat(signsIn(TestDatabaseInitializer.DEMO_PASSWORD)).isTrue();
    }

    @Test
    void refusesAWeakConfiguredPasswordWithAClearMessage() {
        noEnabledAdministrator();
        assertThatThrownBy(() -> new AdminBootstrap(accounts, system, "admin").run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("APP_ADMIN_PASSWORD does not meet the password policy");
    }
}
