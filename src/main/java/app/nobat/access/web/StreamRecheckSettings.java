package app.nobat.access.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often an open display or staff stream checks that its device token or account still holds
 * ({@code nobat.access.stream-recheck}); a change on the same node ends it at once.
 */
@ConfigurationProperties("nobat.access")
public record StreamRecheckSettings(@DefaultValue("10s") Duration streamRecheck) {}
