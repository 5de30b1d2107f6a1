package app.nobat.access;

import app.nobat.NobatApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The production profile refuses to start while a demo credential or a default secret is configured or stored. */
class ProductionProfileTest {

    static final String KEY = "a-production-identity-key-of-forty-characters";

    static ConfigurableApplicationContext start(String dataDir, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--server.port=0";
        all[1] = "--nobat.mongo.data-dir=" + dataDir;
        all[2] = "--nobat.floor.closing.enabled=false";
        all[3] = "--nobat.booking.sweep.enabled=false";
        System.arraycopy(args, 0, all, 4, args.length);
        return new SpringApplicationBuilder(NobatApplication.class).run(all);
    }

    @Test
    void theDemoIdentityKeyIsRefusedAndNamed() {
        String dir = "target/test-data/prod-" + UUID.randomUUID();
        assertThatThrownBy(() -> start(dir, "--spring.profiles.active=prod"))
                .hasMessageContaining("Refusing to start with the prod profile")
                .hasMessageContaining("nobat.privacy.identity-key");
    }

    @Test
    void demoCredentialsConfiguredOrLeftInTheStoreAreRefused() {
        String dir = "target/test-data/prod-" + UUID.randomUUID();
        assertThatThrownBy(() -> start(dir, "--spring.profiles.active=prod,demo", "--nobat.privacy.identity-key=" + KEY))
                .hasMessageContaining("demo profile is active")
                .hasMessageContaining("demo accounts or device tokens are configured");

        // a store once run with the demo profile still holds its accounts and devices
        start(dir, "--nobat.privacy.identity-key=" + KEY).close();
        assertThatThrownBy(() -> start(dir, "--spring.profiles.active=prod", "--nobat.privacy.identity-key=" + KEY))
                .hasMessageContaining("the store holds the demo account 'demo-admin'")
                .hasMessageContaining("the store holds the demo device 'demo-kiosk-1'");
    }

    @Test
    void aCleanProductionConfigurationStarts() {
        String dir = "target/test-data/prod-" + UUID.randomUUID();
        try (ConfigurableApplicationContext app = start(dir, "--spring.profiles.active=prod",
                "--nobat.privacy.identity-key=" + KEY)) {
            assertThat(app.isRunning()).isTrue();
            assertThat(app.getEnvironment().getActiveProfiles()).containsExactly("prod");
        }
    }
}
