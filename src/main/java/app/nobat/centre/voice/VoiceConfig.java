package app.nobat.centre.voice;

import app.nobat.platform.mongo.StoreDurability;
import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class VoiceConfig {

    @Bean
    VoiceClips voiceClips(MongoDatabase database, StoreDurability durability) {
        return new VoiceClips(database, durability);
    }
}
