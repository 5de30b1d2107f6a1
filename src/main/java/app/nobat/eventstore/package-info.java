/**
 * Our Axon event storage engine on MongoDB ({@code MongoEventStorageEngine}): a global index
 * reserved from a counter at commit, reads by expected keys only, gap-aware tracking, the latest
 * snapshot per aggregate, and the mapping of duplicate keys to Axon's concurrency exceptions
 * ({@code MongoDuplicateKeyExceptionResolver}). See {@code docs/adr/0001-own-mongo-event-storage-engine.md}.
 * <p>
 * It has no sub-packages and is a component of its own: it depends on Axon and the MongoDB driver
 * only, never on Spring or on another Nobat package ({@code ArchitectureTest}); {@code platform.axon}
 * builds and configures it.
 */
package app.nobat.eventstore;
