package app.nobat.platform.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether busy aggregates (floors and day books) stay in memory between commands
 * ({@code nobat.floor.cache}); unset, {@link AggregateWiring#cacheAllowed} decides by the store.
 */
@ConfigurationProperties("nobat.floor")
public record AggregateCacheSettings(Boolean cache) {}
