package org.protectioncases;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import org.protectioncases.backup.RestoreCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Protection Cases: case management for UNHCR's legal-aid and protection partners.
 * Styles come from static resources (no frontend bundle build, see README).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/app.css")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        if (RestoreCommand.requested(args)) {
            // Restore a backup into an empty data directory and exit (README, "Operations"); the app does not start.
            System.exit(RestoreCommand.run(args));
        }
        SpringApplication.run(Application.class, args);
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addMetaTag("viewport", "width=device-width, initial-scale=1");
        // Installable on a phone's home screen (issue #14): a static manifest and icons, no bundle build needed.
        settings.addLink("manifest", "manifest.webmanifest");
        settings.addMetaTag("theme-color", "#0072bc");
        settings.addLink("apple-touch-icon", "icons/icon-192.png");
    }
}
