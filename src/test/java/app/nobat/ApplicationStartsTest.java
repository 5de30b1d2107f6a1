package app.nobat;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = "nobat.mongo.data-dir=target/test-data/starts")
class ApplicationStartsTest {

    @Autowired
    MongoDatabase database;

    @Test
    void talksToTheEmbeddedStoreThroughTheDriver() {
        Document pong = database.runCommand(new Document("ping", 1));
        assertThat(pong.get("ok")).isIn(1, 1.0);
    }
}
