package app.nobat.centre.catalog;

import app.nobat.centre.wiring.CentreEventNames;
import app.nobat.platform.axon.EventNames;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class CentreCatalogConfig {

    @Bean
    EventNames centreEventNames() {
        return CentreEventNames.NAMES;
    }

    @Bean
    CentreCatalog centreCatalog(MongoDatabase database, ObjectMapper json) {
        return new CentreCatalog(database, json);
    }

    @Bean
    CentreCatalogProjection centreCatalogProjection(CentreCatalog catalog) {
        return new CentreCatalogProjection(catalog);
    }
}
