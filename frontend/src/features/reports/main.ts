import '../../styles/base.css';
import './reports.css';
import { api, type Centre, type Me, type ReportComparison, type ReportRow, type ReportView } from '../../lib/api';
import { deskName, serviceName } from '../../lib/centre';
import { barChart } from '../../lib/chart';
import { byId, guarded, h, preserving, replace } from '../../lib/dom';
import { addDays, digits, jalaliDay, jalaliNumeric, number, SEPARATOR, todayIn } from '../../lib/format';
import { localName, type MessageKey } from '../../lib/i18n';
import { jalaliDateField, type JalaliField } from '../../lib/jalali-picker';
import { roleLabel } from '../../lib/labels';
import { param, Screen } from '../../lib/page';
import { refusalMessage } from '../../lib/problems';
import { currentStaff, signInForm, signOut } from '../../lib/session';

// Reports for a centre's supervisors and administrators: the figures of a range of days by day,
// service, desk, staff member or hour, with charts (each with its table), another period beside it,
// and the table as CSV or XLSX. Dates in the Solar Hijri calendar, digits in the screen's script.

const screen = new Screen();
const centreId = param('centre') ?? 'persian-gulf';
const base = `/api/centres/${encodeURIComponent(centreId)}`;
const app = byId('app');
const GROUPINGS = ['day', 'service', 'desk', 'staff', 'hour'] as const;
type Grouping = (typeof GROUPINGS)[number];
const GROUP_LABELS: Record<Grouping, MessageKey> = {
  day: 'groupDay',
  service: 'groupService',
  desk: 'groupDesk',
  staff: 'groupStaff',
  hour: 'groupHour',
};

let me: Me | null = null;
let centre: Centre | null = null;
let from: string | null = null;
let to: string | null = null;
let otherFrom: string | null = null;
let otherTo: string | null = null;
let groupBy: Grouping = 'day';
let comparing = false;
let report: ReportView | null = null;
let other: ReportView | null = null;
let message = '';

const timeZone = () => centre?.timeZone ?? 'Asia/Tehran';

/** Minutes from seconds, one decimal, in the screen's digits and decimal sign. */
function minutes(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '–';
  const text = (Math.round(seconds / 6) / 10).toFixed(1);
  return screen.lang === 'en' ? text : digits(text.replace('.', '٫'), screen.lang);
}

function share(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return screen.lang === 'en' ? `${Math.round(value * 100)}%` : `${number(value * 100, screen.lang)}٪`;
}

function rowLabel(key: string, grouping: string): string {
  const t = screen.t;
  if (key === 'total') return t('reportTotal');
  switch (grouping) {
    case 'day':
      return jalaliDay(key, screen.lang, false);
    case 'service':
      return serviceName(centre, key, screen.lang);
    case 'desk':
      return deskName(centre, key, screen.lang);
    case 'hour':
      return t('reportHour', { hour: digits(key, screen.lang) });
    default:
      return digits(key, screen.lang);
  }
}

const priority = (r: ReportRow) =>
  Object.entries(r.priorityClasses ?? {})
    .filter(([c]) => c !== 'NONE')
    .reduce((sum, [, n]) => sum + n, 0);

/** The table's columns: a header and a cell of a row, in the screen's digits. */
const COLUMNS: [MessageKey, (r: ReportRow) => string][] = [
  ['colArrivals', (r) => number(r.arrivals, screen.lang)],
  ['colWalkIns', (r) => number(r.walkIns, screen.lang)],
  ['colAppointments', (r) => number(r.appointmentArrivals, screen.lang)],
  ['colPriority', (r) => number(priority(r), screen.lang)],
  ['colServed', (r) => number(r.served, screen.lang)],
  ['colTransferred', (r) => number(r.transferredOut, screen.lang)],
  ['colNoShows', (r) => number(r.noShows, screen.lang)],
  ['colCancelled', (r) => number(r.cancelled, screen.lang)],
  ['colCarriedOver', (r) => number(r.carriedOver, screen.lang)],
  ['colWaitMean', (r) => minutes(r.waitMeanSeconds)],
  ['colWaitMedian', (r) => minutes(r.waitMedianSeconds)],
  ['colWaitP90', (r) => minutes(r.waitP90Seconds)],
  ['colWaitMax', (r) => minutes(r.waitMaxSeconds)],
  ['colWithinTarget', (r) => share(r.withinTargetShare)],
  ['colServiceMean', (r) => minutes(r.serviceMeanSeconds)],
  ['colBooked', (r) => number(r.appointmentsBooked, screen.lang)],
  ['colCheckedIn', (r) => number(r.appointmentsCheckedIn, screen.lang)],
  ['colMissed', (r) => number(r.appointmentsMissed, screen.lang)],
];

function query(view: { from: string; to: string; groupBy: string }): string {
  return `from=${view.from}&to=${view.to}&groupBy=${view.groupBy}`;
}

function reportTable(view: ReportView, id: string, period: MessageKey): HTMLElement {
  const t = screen.t;
  const line = (r: ReportRow, total: boolean) =>
    h(
      'tr',
      { 'data-key': r.key },
      h('th', { scope: 'row' }, rowLabel(r.key, total ? 'total' : view.groupBy)),
      ...COLUMNS.map(([key, cell]) => h('td', { 'data-column': key }, cell(r))),
    );
  return h(
    'div',
    { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': `${id}-caption` },
    h(
      'table',
      { class: 'report', id },
      h(
        'caption',
        { id: `${id}-caption` },
        t('reportTableCaption', {
          period: t(period),
          from: jalaliDay(view.from, screen.lang, false),
          to: jalaliDay(view.to, screen.lang, false),
        }),
      ),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t(GROUP_LABELS[view.groupBy as Grouping] ?? 'groupDay')),
          ...COLUMNS.map(([key]) => h('th', { scope: 'col' }, t(key))),
        ),
      ),
      h('tbody', {}, ...view.rows.map((r) => line(r, false))),
      h('tfoot', {}, line(view.total, true)),
    ),
  );
}

function charts(view: ReportView): HTMLElement {
  const t = screen.t;
  const labels = view.rows.map((r) => rowLabel(r.key, view.groupBy));
  const toMinutes = (s: number | null | undefined) => (s ?? 0) / 60;
  return h(
    'div',
    { class: 'charts' },
    barChart(
      t('chartArrivalsServed'),
      labels,
      [
        { name: t('colArrivals'), colour: '#0b5fa5', values: view.rows.map((r) => r.arrivals) },
        { name: t('colServed'), colour: '#2f7d32', values: view.rows.map((r) => r.served) },
      ],
      (n) => number(n, screen.lang),
    ),
    barChart(
      t('chartWaits'),
      labels,
      [
        { name: t('colWaitMean'), colour: '#0b5fa5', values: view.rows.map((r) => toMinutes(r.waitMeanSeconds)) },
        { name: t('colWaitP90'), colour: '#a84300', values: view.rows.map((r) => toMinutes(r.waitP90Seconds)) },
      ],
      (n) => minutes(n * 60),
    ),
  );
}

function comparisonTable(a: ReportView, b: ReportView): HTMLElement {
  const t = screen.t;
  const figures: [MessageKey, (r: ReportRow) => number | null | undefined, (n: number | null | undefined) => string][] =
    [
      ['colArrivals', (r) => r.arrivals, (n) => number(n ?? 0, screen.lang)],
      ['colServed', (r) => r.served, (n) => number(n ?? 0, screen.lang)],
      ['colNoShows', (r) => r.noShows, (n) => number(n ?? 0, screen.lang)],
      ['colWaitMean', (r) => r.waitMeanSeconds, minutes],
      ['colWaitP90', (r) => r.waitP90Seconds, minutes],
      ['colWithinTarget', (r) => r.withinTargetShare, share],
      ['colServiceMean', (r) => r.serviceMeanSeconds, minutes],
    ];
  const change = (x: number | null | undefined, y: number | null | undefined, format: (n: number) => string) => {
    if (x === null || x === undefined || y === null || y === undefined) return '–';
    const d = x - y;
    const sign = d > 0 ? '+' : d < 0 ? '−' : '';
    return `\u2066${sign}${format(Math.abs(d))}\u2069`;
  };
  return h(
    'div',
    { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'report-compare-caption' },
    h(
      'table',
      { class: 'report', id: 'report-compare-table' },
      h('caption', { id: 'report-compare-caption' }, t('reportCompare')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('reportFigure')),
          h('th', { scope: 'col' }, t('reportPeriod')),
          h('th', { scope: 'col' }, t('reportOther')),
          h('th', { scope: 'col' }, t('reportChange')),
        ),
      ),
      h(
        'tbody',
        {},
        ...figures.map(([key, value, format]) =>
          h(
            'tr',
            { 'data-figure': key },
            h('th', { scope: 'row' }, t(key)),
            h('td', {}, format(value(a.total))),
            h('td', {}, format(value(b.total))),
            h(
              'td',
              {},
              change(value(a.total), value(b.total), (n) => format(n)),
            ),
          ),
        ),
      ),
    ),
  );
}

/**
 * A Solar Hijri date field kept in the page's state as it is typed, so that a switch of language
 * writes it again in the new language's digits (the field is not restored as typed).
 */
function dateField(
  id: string,
  label: MessageKey,
  value: string | null,
  keep: (iso: string | null) => void,
): { element: HTMLElement; field: JalaliField } {
  const field = jalaliDateField(screen, id, timeZone());
  field.input.dataset.keep = 'false';
  if (value) {
    field.input.value = jalaliNumeric(value, screen.lang);
    field.input.dispatchEvent(new Event('input'));
  }
  field.input.addEventListener('input', () => keep(field.value()));
  return { element: h('div', { class: 'field' }, h('label', { for: id }, screen.t(label)), field.element), field };
}

function form(): HTMLElement {
  const t = screen.t;
  const fromField = dateField('report-from', 'reportFrom', from, (v) => (from = v));
  const toField = dateField('report-to', 'reportTo', to, (v) => (to = v));
  const otherFromField = dateField('report-other-from', 'reportOtherFrom', otherFrom, (v) => (otherFrom = v));
  const otherToField = dateField('report-other-to', 'reportOtherTo', otherTo, (v) => (otherTo = v));
  const group = h(
    'select',
    {
      id: 'report-group',
      onchange: (e: Event) => (groupBy = (e.target as HTMLSelectElement).value as Grouping),
    },
    ...GROUPINGS.map((g) => h('option', { value: g, selected: g === groupBy }, t(GROUP_LABELS[g]))),
  );
  const compare = h('input', {
    id: 'report-compare',
    type: 'checkbox',
    checked: comparing,
    onchange: (e: Event) => {
      comparing = (e.target as HTMLInputElement).checked;
      others.hidden = !comparing;
    },
  });
  const others = h('div', { class: 'report-form', hidden: !comparing }, otherFromField.element, otherToField.element);
  const show: HTMLButtonElement = h('button', { type: 'submit', id: 'report-show' }, t('reportShow'));
  return h(
    'form',
    {
      class: 'card',
      id: 'report-query',
      novalidate: true,
      onsubmit: (e: Event) => {
        e.preventDefault();
        from = fromField.field.value();
        to = toField.field.value();
        otherFrom = otherFromField.field.value();
        otherTo = otherToField.field.value();
        void guarded(show, load);
      },
    },
    h(
      'div',
      { class: 'report-form' },
      fromField.element,
      toField.element,
      h('div', { class: 'field' }, h('label', { for: 'report-group' }, t('reportGroupBy')), group),
    ),
    h('p', {}, h('label', { class: 'check' }, compare, ` ${t('reportCompare')}`)),
    others,
    h('p', {}, show),
  );
}

async function load(): Promise<void> {
  message = '';
  if (!from || !to || (comparing && (!otherFrom || !otherTo))) {
    message = screen.t('reportNeedDates');
    render();
    return;
  }
  try {
    const asked = { from, to, groupBy };
    if (comparing && otherFrom && otherTo) {
      const both = await api<ReportComparison>(
        `${base}/reports/compare?${query(asked)}&otherFrom=${otherFrom}&otherTo=${otherTo}`,
      );
      report = both.period;
      other = both.other;
    } else {
      report = await api<ReportView>(`${base}/reports?${query(asked)}`);
      other = null;
    }
  } catch (e) {
    message = refusalMessage(e, screen.lang, { centre, timeZone: timeZone() });
  }
  render();
  if (report) byId('report-results').focus();
}

function results(): HTMLElement | null {
  if (!report) return null;
  const t = screen.t;
  const empty = report.total.arrivals === 0 && report.total.called === 0 && report.total.appointmentsBooked === 0;
  return h(
    'section',
    { class: 'card', id: 'report-results', tabindex: -1, 'aria-labelledby': 'report-results-title' },
    h('h2', { id: 'report-results-title' }, t('reportsTitle')),
    h(
      'p',
      { class: 'downloads' },
      h('a', { href: `${base}/reports/csv?${query(report)}`, download: '', id: 'report-csv' }, t('reportDownloadCsv')),
      h(
        'a',
        { href: `${base}/reports/xlsx?${query(report)}`, download: '', id: 'report-xlsx' },
        t('reportDownloadXlsx'),
      ),
    ),
    empty ? h('p', { class: 'hint' }, t('reportNoData')) : null,
    charts(report),
    reportTable(report, 'report-table', 'reportPeriod'),
    other ? reportTable(other, 'report-other-table', 'reportOther') : null,
    other ? comparisonTable(report, other) : null,
  );
}

function render(): void {
  const t = screen.t;
  const title = `${t('reportsTitle')}${SEPARATOR}${centre ? localName(centre.names, screen.lang, centreId) : centreId}`;
  document.title = `${title}${SEPARATOR}${t('appName')}`;
  const header = h(
    'header',
    { class: 'bar' },
    h('h1', {}, title),
    screen.languagePicker(),
    me ? h('p', { class: 'signed-in' }, t('signedInAs', { name: me.name, role: roleLabel(me.role, t) })) : null,
    me
      ? h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            onclick: async () => {
              await signOut();
              location.reload();
            },
          },
          t('signOut'),
        )
      : null,
  );
  preserving(app, () =>
    replace(
      app,
      header,
      h(
        'main',
        {},
        !me
          ? signInForm(screen, (m) => {
              me = m;
              void start();
            })
          : centre
            ? h('div', {}, form(), message ? h('p', { class: 'error', role: 'alert' }, message) : null, results())
            : h('p', {}, t('loading')),
      ),
    ),
  );
}

async function start(): Promise<void> {
  centre = await api<Centre>(base);
  const today = todayIn(timeZone());
  to ??= today;
  from ??= addDays(today, -6);
  otherTo ??= addDays(today, -7);
  otherFrom ??= addDays(today, -13);
  render();
  await load();
}

screen.onLang(render);
render();
currentStaff()
  .then((m) => {
    if (me) return;
    me = m;
    if (me) void start();
    else render();
  })
  .catch(() => render());
