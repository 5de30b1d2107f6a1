package app.nobat.centre.web;

import app.nobat.centre.catalog.CentreCatalog;
import app.nobat.centre.domain.CentreRefusal;
import app.nobat.centre.voice.VoiceClips;
import app.nobat.centre.voice.VoiceClips.ClipInfo;
import app.nobat.platform.web.Blocking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A centre's own recordings of the words its displays announce calls with: listed and played
 * by anyone (they are words, not data), recorded and removed by administrators.
 */
@RestController
@RequestMapping("/api/centres/{centreId}/voice")
@Tag(name = "voice", description = "The centre's recorded words of the display's announcements")
public class VoiceController {

    /** The centre's recordings; a display plays each at its path with ?v=version. */
    public record VoicePack(String centreId, List<ClipInfo> clips) {}

    private final VoiceClips clips;
    private final CentreCatalog catalog;
    private final Clock clock;

    public VoiceController(VoiceClips clips, CentreCatalog catalog, Clock clock) {
        this.clips = clips;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The centre's recorded words, without their sound")
    public Mono<VoicePack> pack(@PathVariable String centreId) {
        return Blocking.call(() -> {
            catalog.get(centreId);
            return new VoicePack(centreId, clips.list(centreId));
        });
    }

    @GetMapping("/{language}/{key}")
    @Operation(summary = "One recorded word, as the audio it was recorded in")
    @ApiResponse(
            responseCode = "200",
            description = "The recording",
            content = @Content(mediaType = "audio/*", schema = @Schema(type = "string", format = "binary")))
    public Mono<ResponseEntity<byte[]>> clip(
            @PathVariable String centreId,
            @PathVariable String language,
            @PathVariable String key,
            ServerWebExchange exchange) {
        return Blocking.call(() -> clips.get(centreId, language, key)
                        .orElseThrow(() -> CentreRefusal.UNKNOWN_VOICE_CLIP.with(
                                "centre", centreId, "key", key, "language", language)))
                .map(clip -> {
                    String etag = "\"" + clip.version() + "\"";
                    // replaced clip by clip: a display asks again each time, and gets 304 while it is the same
                    CacheControl cache = CacheControl.noCache().cachePublic();
                    if (exchange.checkNotModified(etag)) {
                        return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                                .cacheControl(cache)
                                .eTag(etag)
                                .build();
                    }
                    return ResponseEntity.ok()
                            .contentType(MediaType.parseMediaType(clip.type()))
                            .cacheControl(cache)
                            .eTag(etag)
                            .body(clip.data());
                });
    }

    @PutMapping("/{language}/{key}")
    @Operation(
            summary = "Record or replace one word (administrators): the body is the audio, of type audio/webm, "
                    + "audio/ogg, audio/mp4, audio/mpeg or audio/wav, at most 256 kB")
    @RequestBody(content = @Content(mediaType = "audio/*", schema = @Schema(type = "string", format = "binary")))
    public Mono<ClipInfo> record(
            @PathVariable String centreId,
            @PathVariable String language,
            @PathVariable String key,
            ServerHttpRequest request) {
        long declared = request.getHeaders().getContentLength();
        if (declared > VoiceClips.MAX_BYTES) {
            return Mono.error(CentreRefusal.VOICE_CLIP_SIZE.with("max", VoiceClips.MAX_BYTES));
        }
        String type = request.getHeaders().getFirst("Content-Type");
        return DataBufferUtils.join(request.getBody(), VoiceClips.MAX_BYTES)
                .map(buffer -> {
                    byte[] data = new byte[buffer.readableByteCount()];
                    buffer.read(data);
                    DataBufferUtils.release(buffer);
                    return data;
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(
                        DataBufferLimitException.class,
                        e -> CentreRefusal.VOICE_CLIP_SIZE.with("max", VoiceClips.MAX_BYTES))
                .flatMap(data -> Blocking.call(() -> {
                    catalog.get(centreId);
                    return clips.put(centreId, language, key, type, data, clock.instant());
                }));
    }

    @DeleteMapping("/{language}/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove one recorded word (administrators): displays say it from the default pack again")
    public Mono<Void> remove(@PathVariable String centreId, @PathVariable String language, @PathVariable String key) {
        return Blocking.call(() -> {
                    if (!clips.delete(centreId, language, key)) {
                        throw CentreRefusal.UNKNOWN_VOICE_CLIP.with(
                                "centre", centreId, "key", key, "language", language);
                    }
                    return true;
                })
                .then();
    }
}
