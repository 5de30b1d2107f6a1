/**
 * Who may do what: staff accounts, kiosk and display devices, and the rules that admit or refuse
 * each request.
 * <p>
 * It owns {@code staff} (accounts with their roles and session generations, the password policy),
 * {@code devices} (device tokens, stored only as hashes, and their kinds), {@code web} (the route
 * table of {@code SecurityRules}, device authentication, sign-in and its throttle, rate limits per
 * client, limits to an account's centres, session and stream checks when a credential is withdrawn,
 * the administrators' controller) and {@code wiring} (configuration, the demo profile's
 * credentials, the first administrator, the production profile's refusal to start with demo
 * secrets).
 * <p>
 * It depends on {@code common}, on {@code platform} for storage and the web layer, and reads the
 * centre catalog; it does not depend on the floor, booking, display or tracking contexts, which it
 * guards by their routes only. No personal data of visitors passes through it.
 */
package app.nobat.access;
