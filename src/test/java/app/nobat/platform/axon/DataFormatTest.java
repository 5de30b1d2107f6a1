package app.nobat.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.nobat.eventstore.EmbeddedMongo;
import app.nobat.eventstore.MongoEventStorageEngine;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;

class DataFormatTest {

    EmbeddedMongo mongo;
    MongoDatabase database;
    ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.inMemory();
        database = mongo.database();
        log.start();
        ((Logger) LoggerFactory.getLogger(DataFormat.class)).addAppender(log);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(DataFormat.class)).detachAppender(log);
        mongo.close();
    }

    @Test
    void aNewStoreIsWrittenInTheCurrentFormatWithoutAnUpgrade() {
        new DataFormat(database).checkAndRecord();

        assertThat(format().getInteger("version")).isEqualTo(DataFormat.CURRENT);
        assertThat(format().get("upgradedFrom")).isNull();
        assertThat(log.list).isEmpty();
    }

    @Test
    void eventsWithoutAFormatAreFormatOneAndAreUpgradedWithALogLine() {
        events().insertOne(new Document("_id", 0L)
                .append("payloadType", "app.nobat.floor.domain.FloorEvent$FloorStarted"));

        new DataFormat(database).checkAndRecord();

        assertThat(format().getInteger("version")).isEqualTo(2);
        assertThat(format().getInteger("upgradedFrom")).isEqualTo(1);
        assertThat(log.list)
                .singleElement()
                .extracting(ILoggingEvent::getFormattedMessage)
                .asString()
                .startsWith("Upgrading the stored data from format 1 to 2");

        // the next start finds the current format: no second upgrade
        log.list.clear();
        new DataFormat(database).checkAndRecord();
        assertThat(log.list).isEmpty();
    }

    @Test
    void dataOfANewerFormatIsRefusedAndLeftAsItWas() {
        Document newer = new Document("_id", "data").append("version", DataFormat.CURRENT + 1);
        database.getCollection(DataFormat.COLLECTION).insertOne(newer);

        assertThatThrownBy(() -> new DataFormat(database).checkAndRecord())
                .isInstanceOfSatisfying(DataFormat.NewerDataFormat.class, e -> {
                    assertThat(e.found).isEqualTo(3);
                    assertThat(e.getMessage())
                            .contains("format 3, written by a newer version of Nobat")
                            .contains("reads formats up to 2")
                            .contains("Nothing was changed");
                });
        assertThat(format()).isEqualTo(newer);

        FailureAnalysis analysis =
                new NewerDataFormatAnalyzer().analyze(new IllegalStateException(new DataFormat.NewerDataFormat(3, 2)));
        assertThat(analysis.getDescription()).contains("format 3");
        assertThat(analysis.getAction()).contains("Run the version of Nobat that wrote this data (format 3)");
    }

    private Document format() {
        return database.getCollection(DataFormat.COLLECTION).find().first();
    }

    private MongoCollection<Document> events() {
        return database.getCollection(MongoEventStorageEngine.DEFAULT_EVENTS_COLLECTION);
    }
}
