package app.nobat.platform.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How often an idle live stream sends a heartbeat, so that proxies and phones keep it open. */
@ConfigurationProperties("nobat.sse")
public record LiveStreamSettings(@DefaultValue("15s") Duration heartbeat) {}
