/**
 * Small types every context shares: the {@code Actor} who caused a command (carried as message
 * metadata), {@code Refusal} (an entry of a context's catalog enum: code, status, English template
 * with named parameters) and the refusals it raises, {@code InvalidInput}, {@code NotPermitted},
 * {@code UnknownReference} and {@code RuleViolation} (answered as 400, 403, 404 and 409 by
 * {@code platform.web.ProblemHandling}), the shared catalog {@code CommonRefusal}, Solar Hijri
 * dates, digit normalisation and random identifiers.
 * <p>
 * It has no sub-packages and depends on nothing of Nobat and on no framework (only the JDK and
 * ICU), because the domain packages use it and must stay free of Spring and storage.
 */
package app.nobat.common;
