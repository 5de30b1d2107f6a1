package app.nobat.centre.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.nobat.it.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A centre's own recordings of the announcement words: stored, listed, played, replaced clip by
 * clip and removed; bad keys, languages, types and sizes are refused with problems from the catalog.
 */
@IntegrationTest
class VoiceClipsIT {

    static final String C = "it-journey";
    static final String CLIP = "/api/centres/" + C + "/voice/ps/n.20.compound";
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired
    WebTestClient admin;

    static byte[] packClip(String name) throws Exception {
        return Files.readAllBytes(Path.of("frontend/public/voice/fa/" + name));
    }

    Map<String, Object> put(String path, String type, byte[] body, int status) {
        return admin.put()
                .uri(path)
                .header(HttpHeaders.CONTENT_TYPE, type)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
    }

    WebTestClient anyone() {
        return admin.mutate()
                .defaultHeaders(h -> h.remove(HttpHeaders.AUTHORIZATION))
                .build();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRecordedWordIsListedPlayedReplacedAndRemoved() throws Exception {
        byte[] first = packClip("n.20.ogg");
        Map<String, Object> stored = put(CLIP, "audio/ogg; codecs=vorbis", first, 200);
        assertThat(stored).containsEntry("language", "ps").containsEntry("key", "n.20.compound");
        assertThat(stored).containsEntry("type", "audio/ogg").containsEntry("size", first.length);

        Map<String, Object> pack = anyone().get()
                .uri("/api/centres/" + C + "/voice")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        assertThat((List<Object>) pack.get("clips")).contains(stored);

        var played = anyone().get()
                .uri(CLIP)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("audio/ogg")
                .expectBody(byte[].class)
                .returnResult();
        assertThat(played.getResponseBody()).isEqualTo(first);
        String etag = played.getResponseHeaders().getETag();
        assertThat(etag).isEqualTo("\"" + stored.get("version") + "\"");
        anyone().get()
                .uri(CLIP)
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified();

        byte[] second = packClip("n.30.ogg");
        Map<String, Object> replaced = put(CLIP, "audio/ogg", second, 200);
        assertThat(replaced.get("version")).isNotEqualTo(stored.get("version"));
        assertThat(anyone().get()
                        .uri(CLIP)
                        .exchange()
                        .expectBody(byte[].class)
                        .returnResult()
                        .getResponseBody())
                .isEqualTo(second);

        admin.delete().uri(CLIP).exchange().expectStatus().isNoContent();
        assertThat(anyone().get()
                        .uri(CLIP)
                        .exchange()
                        .expectStatus()
                        .isNotFound()
                        .expectBody(JSON)
                        .returnResult()
                        .getResponseBody())
                .containsEntry("code", "unknown-voice-clip");
        admin.delete().uri(CLIP).exchange().expectStatus().isNotFound();
    }

    @Test
    void badWordsLanguagesTypesAndSizesAreRefused() throws Exception {
        byte[] ogg = packClip("n.1.ogg");
        String base = "/api/centres/" + C + "/voice/";
        assertThat(put(base + "fa/hello", "audio/ogg", ogg, 400)).containsEntry("code", "voice-clip-key");
        assertThat(put(base + "fa/n.1000", "audio/ogg", ogg, 400)).containsEntry("code", "voice-clip-key");
        assertThat(put(base + "de/n.1", "audio/ogg", ogg, 400)).containsEntry("code", "unknown-language");
        assertThat(put(base + "fa/n.1", MediaType.TEXT_PLAIN_VALUE, ogg, 415)).containsEntry("code", "voice-clip-type");
        // the bytes must be of the kind the request says
        assertThat(put(base + "fa/n.1", "audio/webm", ogg, 415)).containsEntry("code", "voice-clip-type");
        assertThat(put(base + "fa/n.1", "audio/ogg", "<svg/>".getBytes(), 415))
                .containsEntry("code", "voice-clip-type");
        assertThat(put(base + "fa/n.1", "audio/ogg", new byte[0], 413)).containsEntry("code", "voice-clip-size");
        byte[] tooLong = new byte[256 * 1024 + 1];
        System.arraycopy(ogg, 0, tooLong, 0, ogg.length);
        assertThat(put(base + "fa/n.1", "audio/ogg", tooLong, 413))
                .containsEntry("code", "voice-clip-size")
                .containsEntry("max", 256 * 1024);
        assertThat(put("/api/centres/no-such-centre/voice/fa/n.1", "audio/ogg", ogg, 404))
                .containsEntry("code", "unknown-centre");
        assertThat(anyone().get()
                        .uri("/api/centres/" + C + "/voice")
                        .exchange()
                        .expectBody(JSON)
                        .returnResult()
                        .getResponseBody()
                        .get("clips"))
                .asList()
                .noneMatch(c -> ((Map<?, ?>) c).get("key").equals("n.1"));
    }
}
