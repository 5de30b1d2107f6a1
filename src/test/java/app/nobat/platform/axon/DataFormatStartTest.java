package app.nobat.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.nobat.NobatApplication;
import app.nobat.eventstore.MongoEventStorageEngine;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/** The whole application on one embedded store: written in the current format, and refused on a newer one. */
class DataFormatStartTest {

    @Test
    void theApplicationStoresByNameAndRefusesToStartOnDataOfANewerFormat() {
        String dir = "target/test-data/format-" + UUID.randomUUID();
        try (ConfigurableApplicationContext first = start(dir)) {
            MongoDatabase database = first.getBean(MongoDatabase.class);
            Document format =
                    database.getCollection(DataFormat.COLLECTION).find().first();
            assertThat(format.getInteger("version")).isEqualTo(DataFormat.CURRENT);
            // the seeded demo centre's definition, under its name
            Document defined = database.getCollection(MongoEventStorageEngine.DEFAULT_EVENTS_COLLECTION)
                    .find(Filters.eq("payloadType", "centre.CentreDefined"))
                    .first();
            assertThat(defined).isNotNull();
            assertThat(defined.getString("payloadRevision")).isEqualTo("1");

            database.getCollection(DataFormat.COLLECTION)
                    .updateOne(Filters.eq("_id", "data"), Updates.set("version", DataFormat.CURRENT + 1));
        }

        assertThatThrownBy(() -> start(dir).close())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                        .isInstanceOf(DataFormat.NewerDataFormat.class)
                        .hasMessageContaining("written by a newer version of Nobat"));
    }

    /** Arguments, not default properties: those would lose to application.yml's data directory. */
    private static ConfigurableApplicationContext start(String dir) {
        return new SpringApplicationBuilder(NobatApplication.class)
                .run(
                        "--nobat.mongo.data-dir=" + dir,
                        "--nobat.mongo.uri=",
                        "--server.port=0",
                        "--nobat.floor.closing.enabled=false");
    }
}
