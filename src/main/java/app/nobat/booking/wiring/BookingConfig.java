package app.nobat.booking.wiring;

import app.nobat.booking.appointments.AppointmentDirectory;
import app.nobat.booking.appointments.AppointmentSweeps;
import app.nobat.booking.appointments.Appointments;
import app.nobat.booking.calendar.BookingSettings;
import app.nobat.booking.calendar.CalendarDayPlans;
import app.nobat.booking.calendar.CalendarSeeder;
import app.nobat.booking.calendar.CalendarStore;
import app.nobat.booking.calendar.NationalHolidays;
import app.nobat.booking.domain.BookingCalendar;
import app.nobat.booking.domain.BookingCode;
import app.nobat.booking.domain.BookingRefusal;
import app.nobat.booking.domain.DayBook;
import app.nobat.booking.domain.DayPlanSource;
import app.nobat.booking.domain.IdentityGuard;
import app.nobat.booking.notify.AppointmentNotifier;
import app.nobat.booking.privacy.FileVisitorKeys;
import app.nobat.booking.privacy.IdentityKeys;
import app.nobat.booking.privacy.MongoVisitorKeys;
import app.nobat.booking.privacy.PersonalDataStore;
import app.nobat.booking.privacy.VisitorKeys;
import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.floor.web.AppointmentCheckIns;
import app.nobat.floor.web.CentreHolidays;
import app.nobat.platform.axon.AggregateCacheSettings;
import app.nobat.platform.axon.AggregateWiring;
import app.nobat.platform.axon.AxonConfig;
import app.nobat.platform.axon.EventNames;
import app.nobat.platform.mongo.MongoSettings;
import app.nobat.platform.seed.SeedSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BookingSettings.class)
public class BookingConfig {

    @Bean
    EventNames bookingEventNames() {
        return BookingEventNames.NAMES;
    }

    @Bean
    SnapshotFilter dayBookSnapshots() {
        return AggregateWiring.snapshotRevision(DayBook.class);
    }

    /** A busy day book takes thousands of bookings; a snapshot every few hundred keeps a cold load short. */
    static final int SNAPSHOT_EVERY = 250;

    @Bean
    ConfigurerModule bookingAggregates(Cache aggregateCache, MongoSettings mongo, AggregateCacheSettings cacheSetting) {
        Cache cache = AggregateWiring.cacheIfAllowed(aggregateCache, mongo, cacheSetting);
        return configurer -> configurer
                .configureAggregate(AggregateWiring.snapshotted(DayBook.class, SNAPSHOT_EVERY, cache))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(IdentityGuard.class))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(BookingCalendar.class));
    }

    /** Messages are about what happens from now on: a first start does not message yesterday's visitors. */
    @Bean
    ConfigurerModule messagesStartAtHead() {
        return configurer ->
                configurer.eventProcessing(processing -> processing.registerTrackingEventProcessorConfiguration(
                        AppointmentNotifier.PROCESSING_GROUP,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(AxonConfig.PROCESSOR_BATCH)
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken)));
    }

    @Bean
    NationalHolidays nationalHolidays(BookingSettings settings) {
        return new NationalHolidays(settings.holidays());
    }

    @Bean
    CalendarStore calendarStore(MongoDatabase database, ObjectMapper json) {
        return new CalendarStore(database, json);
    }

    @Bean
    DayPlanSource dayPlanSource(
            CentreCatalog catalog, CalendarStore calendars, NationalHolidays national, BookingSettings settings) {
        return new CalendarDayPlans(catalog, calendars, national, settings);
    }

    @Bean
    CalendarSeeder calendarSeeder(CommandGateway commands, Clock clock, SeedSettings seeds) {
        return new CalendarSeeder(commands, seeds.calendars(), clock);
    }

    @Bean
    IdentityKeys identityKeys(PrivacySettings privacy) {
        return new IdentityKeys(privacy.identityKey());
    }

    /**
     * Visitor keys apart from the data: files in their own directory beside the embedded store's,
     * or a database of their own on a real MongoDB (shared by the nodes).
     */
    @Bean
    VisitorKeys visitorKeys(MongoSettings mongo, MongoClient client, PrivacySettings privacy) {
        String keyStore = privacy.keyStore();
        String keyDir = privacy.keyDir();
        String keyDatabase = privacy.keyDatabase();
        String store = keyStore.isBlank() ? (mongo.embedded() ? "files" : "mongo") : keyStore;
        return switch (store) {
            case "files" -> new FileVisitorKeys(Path.of(keyDir.isBlank() ? mongo.dataDir() + "-keys" : keyDir));
            case "mongo" ->
                new MongoVisitorKeys(
                        client.getDatabase(keyDatabase.isBlank() ? mongo.database() + "-keys" : keyDatabase));
            default -> throw new IllegalStateException("nobat.privacy.key-store is files or mongo, not " + store);
        };
    }

    @Bean
    PersonalDataStore personalDataStore(MongoDatabase database, VisitorKeys keys) {
        return new PersonalDataStore(database, keys);
    }

    @Bean
    AppointmentDirectory appointmentDirectory(MongoDatabase database) {
        return new AppointmentDirectory(database);
    }

    @Bean
    Appointments appointments(
            CommandGateway commands,
            DayPlanSource plans,
            AppointmentDirectory directory,
            PersonalDataStore personal,
            IdentityKeys keys,
            BookingSettings settings,
            Clock clock,
            PrivacySettings privacy) {
        return new Appointments(commands, plans, directory, personal, keys, settings, privacy.retention(), clock);
    }

    /** The floor's arrival endpoint checks appointments in through this. */
    @Bean
    AppointmentCheckIns appointmentCheckIns(Appointments appointments) {
        return (centreId, typedCode, newVisitId) -> {
            String code = BookingCode.normalize(typedCode)
                    .orElseThrow(() -> BookingRefusal.MALFORMED_BOOKING_CODE.at("/appointmentCode"));
            var checkedIn = appointments.checkIn(centreId, code, newVisitId);
            return new AppointmentCheckIns.CheckedInArrival(
                    checkedIn.visitId(), checkedIn.serviceCode(), checkedIn.codeKey());
        };
    }

    /** The floor's arrival endpoint refuses walk-ins on the centre's holidays through this. */
    @Bean
    CentreHolidays centreHolidays(CalendarStore calendars, NationalHolidays national) {
        return (centreId, date) -> CalendarStore.holiday(calendars.raw(centreId), date, national) != null;
    }

    @Bean
    AppointmentSweeps appointmentSweeps(
            CommandGateway commands,
            CentreCatalog catalog,
            Appointments appointments,
            PersonalDataStore personal,
            BookingSettings settings,
            Clock clock) {
        return new AppointmentSweeps(commands, catalog, appointments, personal, settings, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "nobat.booking.sweep.enabled", havingValue = "true", matchIfMissing = true)
    SweepSchedule sweepSchedule(AppointmentSweeps sweeps) {
        return new SweepSchedule(sweeps);
    }

    /** Runs the sweep on Spring's scheduler; off in tests that drive it themselves. */
    static class SweepSchedule {
        private final AppointmentSweeps sweeps;

        SweepSchedule(AppointmentSweeps sweeps) {
            this.sweeps = sweeps;
        }

        @Scheduled(
                initialDelayString = "${nobat.booking.sweep-every:PT1M}",
                fixedDelayString = "${nobat.booking.sweep-every:PT1M}")
        void run() {
            sweeps.sweep();
        }
    }
}
