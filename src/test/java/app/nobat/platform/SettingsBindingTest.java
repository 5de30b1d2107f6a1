package app.nobat.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.access.web.StreamRecheckSettings;
import app.nobat.booking.calendar.BookingSettings;
import app.nobat.booking.wiring.PrivacySettings;
import app.nobat.platform.axon.AggregateCacheSettings;
import app.nobat.platform.metrics.HealthSettings;
import app.nobat.platform.metrics.MetricsSettings;
import app.nobat.platform.seed.SeedSettings;
import app.nobat.platform.web.PublicBaseUrlSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The settings records bind the property names README documents, with application.yml's defaults
 * (and the records' own where the file has none).
 */
class SettingsBindingTest {

    @EnableConfigurationProperties({
        AggregateCacheSettings.class,
        PublicBaseUrlSettings.class,
        SeedSettings.class,
        BookingSettings.class,
        PrivacySettings.class,
        StreamRecheckSettings.class,
        HealthSettings.class,
        MetricsSettings.class
    })
    static class Settings {}

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(Settings.class);

    @Test
    void defaultsApplyWhenNothingIsSet() {
        runner.run(context -> {
            assertThat(context.getBean(AggregateCacheSettings.class).cache()).isNull();
            // the demo profile is the default one and gives the local address
            assertThat(context.getBean(PublicBaseUrlSettings.class).publicBaseUrl())
                    .isEqualTo("http://localhost:8080");
            assertThat(context.getBean(SeedSettings.class).centres()).containsExactly("classpath*:centres/*.yml");
            assertThat(context.getBean(SeedSettings.class).calendars()).containsExactly("classpath*:calendars/*.yml");
            assertThat(context.getBean(BookingSettings.class).holidays()).isEqualTo("classpath*:holidays/*.yml");
            PrivacySettings privacy = context.getBean(PrivacySettings.class);
            assertThat(privacy.identityKey()).isEqualTo("demo-only-identity-key-change-me");
            assertThat(privacy.retention()).isEqualTo(Duration.ofDays(30));
            assertThat(List.of(privacy.keyStore(), privacy.keyDir(), privacy.keyDatabase()))
                    .containsOnly("");
            assertThat(context.getBean(StreamRecheckSettings.class).streamRecheck())
                    .isEqualTo(Duration.ofSeconds(10));
            assertThat(context.getBean(HealthSettings.class))
                    .isEqualTo(new HealthSettings(1000, Duration.ofSeconds(3)));
            assertThat(context.getBean(MetricsSettings.class))
                    .isEqualTo(new MetricsSettings(Duration.ofSeconds(15), Duration.ofMinutes(15)));
        });
    }

    @Test
    void everyDocumentedNameBinds() {
        runner.withPropertyValues(
                        "nobat.floor.cache=false",
                        "nobat.public-base-url=https://nobat.example.org",
                        "nobat.seed.centres=classpath*:a/*.yml,file:b.yml",
                        "nobat.seed.calendars=file:c.yml",
                        "nobat.booking.holidays=file:h.yml",
                        "nobat.privacy.identity-key=k",
                        "nobat.privacy.retention=P7D",
                        "nobat.privacy.key-store=mongo",
                        "nobat.privacy.key-dir=/keys",
                        "nobat.privacy.key-database=secrets",
                        "nobat.access.stream-recheck=3s",
                        "nobat.health.processor-lag-limit=50",
                        "nobat.health.timeout=1s",
                        "nobat.metrics.floor-refresh=30s",
                        "nobat.metrics.calls-window=5m")
                .run(context -> {
                    assertThat(context.getBean(AggregateCacheSettings.class).cache())
                            .isFalse();
                    assertThat(context.getBean(PublicBaseUrlSettings.class).publicBaseUrl())
                            .isEqualTo("https://nobat.example.org");
                    assertThat(context.getBean(SeedSettings.class).centres())
                            .containsExactly("classpath*:a/*.yml", "file:b.yml");
                    assertThat(context.getBean(SeedSettings.class).calendars()).containsExactly("file:c.yml");
                    assertThat(context.getBean(BookingSettings.class).holidays())
                            .isEqualTo("file:h.yml");
                    assertThat(context.getBean(PrivacySettings.class))
                            .isEqualTo(new PrivacySettings("k", Duration.ofDays(7), "mongo", "/keys", "secrets"));
                    assertThat(context.getBean(StreamRecheckSettings.class).streamRecheck())
                            .isEqualTo(Duration.ofSeconds(3));
                    assertThat(context.getBean(HealthSettings.class))
                            .isEqualTo(new HealthSettings(50, Duration.ofSeconds(1)));
                    assertThat(context.getBean(MetricsSettings.class))
                            .isEqualTo(new MetricsSettings(Duration.ofSeconds(30), Duration.ofMinutes(5)));
                });
    }

    @Test
    void theEnvironmentVariablesApplicationYmlMapsStillApply() {
        runner.withSystemProperties("NOBAT_RETENTION=P3D", "NOBAT_KEY_STORE=files", "NOBAT_PROCESSOR_LAG_LIMIT=200")
                .run(context -> {
                    assertThat(context.getBean(PrivacySettings.class).retention())
                            .isEqualTo(Duration.ofDays(3));
                    assertThat(context.getBean(PrivacySettings.class).keyStore())
                            .isEqualTo("files");
                    assertThat(context.getBean(HealthSettings.class).processorLagLimit())
                            .isEqualTo(200);
                });
    }
}
