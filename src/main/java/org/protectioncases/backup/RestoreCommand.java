package org.protectioncases.backup;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.protectioncases.shared.db.EmbeddedPostgresProperties;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * {@code java -jar protection-cases.jar --restore=FILE} (or
 * {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments=--restore=FILE}): restores a backup
 * into the embedded database's data directory ({@code APP_DATA_DIR}, default {@code data/postgres}),
 * which must be empty or absent, then exits. Reads the same configuration as the app (properties,
 * environment, command line), but starts nothing else.
 */
public final class RestoreCommand {

    static final String OPTION = "--restore=";

    private RestoreCommand() {
    }

    public static boolean requested(String[] args) {
        return file(args).isPresent();
    }

    private static Optional<String> file(String[] args) {
        return Arrays.stream(args).filter(a -> a.startsWith(OPTION)).map(a -> a.substring(OPTION.length())).findFirst();
    }

    /** Runs the restore and returns the process exit code (0: restored). */
    public static int run(String[] args) {
        String file = file(args).orElseThrow();
        String[] rest = Arrays.stream(args).filter(a -> !a.startsWith(OPTION)).toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Config.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(rest)) {
            if (!context.getEnvironment().getProperty("spring.datasource.url", "").isBlank()) {
                System.err.println("Restore: spring.datasource.url is set. --restore rebuilds the embedded database only;"
                        + " an external server is restored with its own tools (README, \"Operations\").");
                return 2;
            }
            EmbeddedPostgresProperties db = context.getBean(EmbeddedPostgresProperties.class);
            BackupProperties backups = context.getBean(BackupProperties.class);
            if (file.isBlank()) {
                System.err.println("Restore: name the backup file, e.g. --restore=data/backups/protection-cases-20261202-023000-000.zip");
                return 2;
            }
            Restore.Result r = Restore.run(Path.of(file), db.dataDirectory(), db.database(), backups.passphrase());
            System.out.printf("Restored %s into %s: %d tables, %d rows, %d bytes%s, in %d ms. Start the app as usual.%n", file,
                    r.dataDirectory(), r.tables(), r.rows(), r.bytes(), r.encrypted() ? " (encrypted)" : "", r.took().toMillis());
            return 0;
        } catch (Exception e) {
            // The message says what to do; the cause is for a developer (--debug shows Spring's, the log has it).
            System.err.println("Restore failed: " + e.getMessage());
            return 1;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({EmbeddedPostgresProperties.class, BackupProperties.class})
    static class Config {
    }
}
