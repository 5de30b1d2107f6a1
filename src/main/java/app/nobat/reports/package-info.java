/**
 * Reports: what a centre's days brought, for its supervisors and administrators (docs/design.md,
 * Reports).
 * <p>
 * {@code domain} folds the floor's and the day books' events into one statistics record per centre
 * and day (plain Java, no Spring, no storage) and reads figures out of a range of such records;
 * {@code store} keeps the records in MongoDB from a tracking processor of their own, so that a
 * reset of that processor rebuilds them from the events; {@code web} answers the reports, their
 * comparison and their CSV and XLSX exports. No record holds a name, phone, booking code or
 * tracking token: only service codes, desk ids, staff ids and figures.
 */
package app.nobat.reports;
