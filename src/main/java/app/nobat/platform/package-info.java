/**
 * Shared infrastructure, with no business rules of its own.
 * <p>
 * {@code axon} wires Axon without Axon Server: our event storage engine, the Mongo extension's
 * token store, snapshots and caching of aggregates, the actor on every command, retries
 * on concurrent updates only, and answers only after the events are durable. {@code mongo} starts
 * the embedded, file-backed MongoDB-wire server or connects to a real MongoDB. {@code web} holds
 * what every controller uses: {@code Blocking} to keep blocking calls off the event loop, problem
 * answers, live streams with heartbeats and their limits, strict JSON input, request deadlines,
 * the public base URL and QR codes. {@code logging} keeps every log line on one line,
 * {@code seed} reads the YAML seed files, and {@code sms} hands text messages to an SMS centre
 * (SMPP or a provider's HTTP API) in parts it cuts itself.
 * <p>
 * It depends on {@code common} and {@code eventstore} only, never on a bounded context; no domain
 * package may depend on it ({@code ArchitectureTest}).
 */
package app.nobat.platform;
