package app.nobat.reports.wiring;

import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.reports.store.ReportQueries;
import app.nobat.reports.store.ReportStore;
import app.nobat.reports.store.ReportsProjection;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The statistics records and their processor: tracking, from the first event, its token in the token store. */
@Configuration(proxyBeanMethods = false)
public class ReportsConfig {

    /**
     * Events handled per batch: a day's record holds every wait of the day, so it is written once a
     * batch rather than once an event (a replay of a busy month would otherwise rewrite it ~250,000 times).
     */
    static final int BATCH = 200;

    @Bean
    ReportStore reportStore(MongoDatabase database, ObjectMapper json) {
        return new ReportStore(database, json);
    }

    @Bean
    ReportsProjection reportsProjection(ReportStore store) {
        return new ReportsProjection(store);
    }

    @Bean
    ReportQueries reportQueries(CentreCatalog catalog, ReportStore store) {
        return new ReportQueries(catalog, store);
    }

    @Bean
    ConfigurerModule reportsProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(ReportsProjection.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(
                        ReportsProjection.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                .registerTrackingEventProcessorConfiguration(
                        ReportsProjection.PROCESSING_GROUP,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(BATCH)
                                .andInitialTrackingToken(source -> source.createTailToken())));
    }
}
