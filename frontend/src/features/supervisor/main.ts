import '../../styles/base.css';
import './supervisor.css';
import {
  api,
  floorChangeKinds,
  type Centre,
  type CentreStaffing,
  type SmsCounts,
  type Explanation,
  type Me,
  type QueuesView,
  type VisitDetails,
} from '../../lib/api';
import { deskName as deskNameIn, serviceName as serviceNameIn } from '../../lib/centre';
import { barChart } from '../../lib/chart';
import { ask } from '../../lib/dialog';
import { byId, guarded, h, preserving, replace } from '../../lib/dom';
import { addDays, digits, jalaliDay, latinDigits, number, SEPARATOR, time, todayIn, waitText } from '../../lib/format';
import { localName, type MessageKey } from '../../lib/i18n';
import { roleLabel } from '../../lib/labels';
import { param, Screen } from '../../lib/page';
import { refusalMessage } from '../../lib/problems';
import { currentStaff, signInForm, signOut } from '../../lib/session';
import { LiveStream } from '../../lib/stream';
import { timelineTable } from '../../lib/timeline';
import { explanationCard } from './explanation';
import { TimeTravel } from './time-travel';

// The supervisor's dashboard: live waiting per service against its target, the desks, charts of
// the day, and any visit's timeline.

const screen = new Screen();
const centreId = param('centre') ?? 'persian-gulf';
const base = `/api/centres/${encodeURIComponent(centreId)}`;
const app = byId('app');
const badge = screen.connectionBadge();
let me: Me | null = null;
let centre: Centre | null = null;
let queues: QueuesView | null = null;
/** Staffing advice on today's floor; null until read, and for an account that may not read it. */
let staffing: CentreStaffing | null = null;
/** Today's visitor text messages by outcome (counts only): supervisors and administrators. */
let sms: SmsCounts | null = null;
let visit: VisitDetails | null = null;
/** Why the visit found waited: supervisors and administrators only. */
let explanation: Explanation | null = null;
/** The time-travel section, made once: its slider and playback live through the dashboard's re-renders. */
let timeTravel: TimeTravel | null = null;
const supervising = () => me?.role === 'SUPERVISOR' || me?.role === 'ADMIN';
let message = '';
let refreshing = false;
let closing = false;

const name = (names: Record<string, string> | undefined, fallback: string) => localName(names, screen.lang, fallback);
const serviceName = (code: string) => serviceNameIn(centre, code, screen.lang);
const deskName = (id: string) => deskNameIn(centre, id, screen.lang);

let again = false;

/** One refresh at a time; a change that arrives meanwhile gets one more refresh after it. */
async function refresh(): Promise<void> {
  if (refreshing) {
    again = true;
    return;
  }
  refreshing = true;
  try {
    do {
      again = false;
      const [q, s, m] = await Promise.all([api<QueuesView>(`${base}/queues`), readStaffing(), readSms()]);
      queues = q;
      staffing = s;
      sms = m;
      render();
    } while (again);
  } finally {
    refreshing = false;
  }
}

/** Supervisors and administrators read the staffing advice; the dashboard goes on without it if it fails. */
async function readStaffing(): Promise<CentreStaffing | null> {
  if (me?.role !== 'SUPERVISOR' && me?.role !== 'ADMIN') return null;
  try {
    return await api<CentreStaffing>(`/api/planning/centres/${encodeURIComponent(centreId)}/staffing`);
  } catch {
    return staffing; // the last advice, until the next refresh
  }
}

/** The day's message counts; the dashboard goes on without them if they fail. */
async function readSms(): Promise<SmsCounts | null> {
  if (!supervising()) return null;
  try {
    return await api<SmsCounts>(`${base}/notifications`);
  } catch {
    return sms;
  }
}

/** One line: how today's text messages went ("12 sent, 1 failed or given up, …"). */
function smsLine(m: SmsCounts): HTMLElement {
  const t = screen.t;
  const n = (...states: string[]) =>
    number(
      states.reduce((sum, st) => sum + (m.counts[st] ?? 0), 0),
      screen.lang,
    );
  return h(
    'p',
    { id: 'sms-counts', class: 'small' },
    `${t('smsToday')}: `,
    t('smsCounts', {
      sent: n('SENT'),
      failed: n('FAILED', 'GAVE_UP'),
      unknown: n('UNKNOWN'),
      limited: n('RATE_LIMITED', 'NO_CONTACT'),
      pending: n('PENDING', 'SENDING'),
    }),
  );
}

/**
 * The current hour's advice, a line per service ("residence: 3 desks serving, 5 needed for the
 * 20-minute target at this hour's arrivals"), then a line per group of services that share desks:
 * a shared desk counts in each of its services' lines, and the group's line counts it once against
 * the group's combined load. Lines with fewer desks serving than needed are marked.
 */
function staffingCard(s: CentreStaffing): HTMLElement {
  const t = screen.t;
  const lang = screen.lang;
  const needed = (n: number | null) => (n === null ? t('staffingBeyond') : t('staffingNeeded', { n: number(n, lang) }));
  const short = (serving: number, n: number | null) =>
    n !== null && serving < n ? t('staffingShort', { n: number(n - serving, lang) }) : '';
  const line = (
    attrs: Record<string, string>,
    understaffed: boolean,
    text: string,
    detail: string,
    flag: string,
  ): HTMLElement =>
    h(
      'li',
      { ...attrs, 'data-understaffed': String(understaffed), class: understaffed ? 'short' : '' },
      h('span', { class: 'advice' }, text),
      flag || understaffed ? h('strong', { class: 'flag' }, ` ⚠ ${flag}`) : null,
      detail ? h('span', { class: 'small' }, ` (${detail})`) : null,
    );
  const services = s.services.map((svc) => {
    const now = svc.hours[svc.hours.length - 1];
    const serving = now.desksServingNow ?? 0;
    const detail =
      now.arrivals === 0
        ? t('staffingNoArrivals')
        : t('staffingRate', {
            rate: number(now.arrivalsPerHour, lang),
            minutes: number(Math.max(1, now.meanServiceMinutes), lang),
          });
    return line(
      { 'data-service': svc.serviceCode },
      now.understaffed,
      t('staffingLine', {
        service: serviceName(svc.serviceCode),
        serving: t('staffingServing', { n: number(serving, lang) }),
        needed: needed(now.desksNeeded),
        target: number(svc.targetWaitMinutes, lang),
      }),
      detail,
      short(serving, now.desksNeeded),
    );
  });
  const current = s.sharedDesks[s.sharedDesks.length - 1];
  const joined = lang === 'en' ? ', ' : '، ';
  const groups = (current?.groups ?? [])
    .filter((g) => g.serviceCodes.length > 1)
    .map((g) => {
      const serving = g.desksServingNow ?? 0;
      const name =
        g.serviceCodes.length === s.services.length
          ? t('staffingAllServices')
          : t('staffingShared', { services: g.serviceCodes.map(serviceName).join(joined) });
      return line(
        { 'data-group': g.serviceCodes.join(' ') },
        g.understaffed,
        t('staffingSharedLine', {
          group: name,
          serving: t('staffingServing', { n: number(serving, lang) }),
          needed: needed(g.desksNeeded),
          target: number(g.targetWaitMinutes, lang),
        }),
        '',
        short(serving, g.desksNeeded),
      );
    });
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'staffing-title', id: 'staffing' },
    h('h2', { id: 'staffing-title' }, t('staffingTitle')),
    h('p', { class: 'small' }, t('staffingIntro', { share: number(s.share * 100, lang) })),
    h('ul', { class: 'staffing' }, ...services),
    groups.length ? h('ul', { class: 'staffing shared' }, ...groups) : null,
  );
}

/** A visit's status in words. */
function statusText(status: string): string {
  const key = `visit${status}`;
  return key in VISIT_STATUS_KEYS ? screen.t(key as MessageKey) : status;
}

const VISIT_STATUS_KEYS = Object.fromEntries(
  ['WAITING', 'CALLED', 'IN_SERVICE', 'COMPLETED', 'NO_SHOW', 'CANCELLED', 'CLOSED', 'CARRIED_OVER'].map((st) => [
    `visit${st}`,
    true,
  ]),
);

/**
 * A supervisor pauses or closes a desk someone left open, so that it no longer counts in the
 * estimates; the reason they give is recorded on the event.
 */
function deskActions(d: QueuesView['desks'][number]): HTMLElement[] {
  const t = screen.t;
  if (d.status === 'CLOSED' || d.currentTicket) return [];
  const act = (action: 'pause' | 'close', label: string) => {
    const button = h('button', { type: 'button', class: 'secondary', 'data-desk-action': action }, label);
    button.addEventListener(
      'click',
      () =>
        void guarded(button, async () => {
          const reason = await askReason(
            t(action === 'pause' ? 'pauseDeskWhy' : 'closeDeskWhy', { desk: deskName(d.deskId) }),
          );
          if (reason === null) return;
          try {
            await api(`${base}/desks/${encodeURIComponent(d.deskId)}/${action}`, { body: { reason } });
            message = '';
          } catch (err) {
            message = refusalMessage(err, screen.lang, { centre, timeZone: centre?.timeZone });
          }
          await refresh();
        }),
    );
    return button;
  };
  return d.status === 'OPEN'
    ? [act('pause', t('pause')), act('close', t('closeDesk'))]
    : [act('close', t('closeDesk'))];
}

/** Asks why (a short text, required); null when the supervisor goes back. */
async function askReason(question: string): Promise<string | null> {
  const answer = await ask(screen, {
    question,
    text: { id: 'desk-reason', label: question, required: true, maxLength: 200 },
  });
  return answer?.text || null;
}

function dashboard(): HTMLElement {
  const t = screen.t;
  const lang = screen.lang;
  const q = queues!;
  const minutes = (n: number) => t('minutes', { n: number(n, lang) });
  // the ticket the visitor holds, as printed (Persian digits accepted), on one of the last days
  const ticketInput = h('input', {
    id: 'find-ticket',
    name: 'ticket',
    dir: 'ltr',
    autocomplete: 'off',
    inputmode: 'text',
    placeholder: 'A-012',
  });
  const today = todayIn(centre?.timeZone ?? 'Asia/Tehran');
  const daySelect = h(
    'select',
    { id: 'find-day', name: 'day' },
    ...Array.from({ length: 7 }, (_, i) => addDays(today, -i)).map((d) =>
      h('option', { value: d }, jalaliDay(d, lang)),
    ),
  );
  const find = h('button', { type: 'submit' }, t('show'));
  const closeDay = h(
    'button',
    {
      type: 'button',
      class: 'danger',
      disabled: closing,
      onclick: async () => {
        if (closing || !window.confirm(t('confirmCloseDay'))) return;
        closing = true; // kept across re-renders: live changes redraw this button while the request runs
        render();
        try {
          await api(`${base}/close-day`, { body: {} });
        } catch (e) {
          message = refusalMessage(e, screen.lang, { centre, timeZone: centre?.timeZone });
        }
        closing = false;
        await refresh().catch(() => render());
      },
    },
    t('closeDay'),
  );
  return h(
    'div',
    {},
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'waiting-title' },
      h('h2', { id: 'waiting-title' }, t('waiting')),
      h(
        'table',
        { class: 'services' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...[t('service'), t('waiting'), t('longestWait'), t('target'), t('desks'), t('estimatedWait')].map((c) =>
              h('th', { scope: 'col' }, c),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          ...q.services.map((s) =>
            h(
              'tr',
              { 'data-service': s.serviceCode, class: s.targetBreached ? 'breached' : '' },
              h('td', {}, serviceName(s.serviceCode)),
              h('td', { class: 'count' }, number(s.waitingCount, lang)),
              h(
                'td',
                {},
                minutes(s.longestWaitMinutes),
                s.targetBreached ? h('strong', { class: 'flag' }, ` ⚠ ${t('overTarget')}`) : '',
              ),
              h('td', {}, minutes(s.targetWaitMinutes)),
              h('td', {}, number(s.desksServing, lang)),
              h('td', {}, waitText(s.estimatedWait, t, lang)),
            ),
          ),
        ),
      ),
    ),
    staffing ? staffingCard(staffing) : null,
    sms ? smsLine(sms) : null,
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'desks-title' },
      h('h2', { id: 'desks-title' }, t('desks')),
      h(
        'table',
        { class: 'desks' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...[t('desk'), t('status'), t('deskHolder'), t('openSince'), t('current'), t('deskActions')].map((c) =>
              h('th', { scope: 'col' }, c),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          ...q.desks.map((d) =>
            h(
              'tr',
              { 'data-desk': d.deskId, 'data-status': d.status },
              h('th', { scope: 'row' }, deskName(d.deskId)),
              h(
                'td',
                {},
                t(d.status === 'OPEN' ? 'deskOpen' : d.status === 'PAUSED' ? 'deskPaused' : 'deskClosed'),
                d.pauseReason ? h('span', { class: 'small' }, ` (${d.pauseReason})`) : null,
              ),
              h('td', {}, d.staffId ?? ''),
              h('td', {}, d.openedAt ? time(d.openedAt, lang, centre?.timeZone) : ''),
              h('td', {}, d.currentTicket ? digits(d.currentTicket, lang) : ''),
              h('td', {}, ...deskActions(d)),
            ),
          ),
        ),
      ),
    ),
    h(
      'section',
      { class: 'card charts' },
      barChart(
        t('arrivalsPerHour'),
        q.hourly.map((x) => digits(x.hour, lang)),
        [
          { name: t('arrivals'), colour: '#0b5fa5', values: q.hourly.map((x) => x.arrived) },
          { name: t('served'), colour: '#1b7a3a', values: q.hourly.map((x) => x.served) },
        ],
        (n) => number(n, lang),
      ),
      barChart(
        t('waitDistribution'),
        q.waitDistribution.map((x) => digits(x.minutes, lang)),
        [{ name: t('callsSeries'), colour: '#9a5b00', values: q.waitDistribution.map((x) => x.calls) }],
        (n) => number(n, lang),
      ),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'find-title' },
      h('h2', { id: 'find-title' }, t('findVisit')),
      h(
        'form',
        {
          class: 'row',
          onsubmit: (e: Event) => {
            e.preventDefault();
            void guarded(find, async () => {
              try {
                const query = new URLSearchParams({
                  ticket: latinDigits(ticketInput.value.trim()),
                  day: daySelect.value,
                });
                visit = await api<VisitDetails>(`/api/centres/${encodeURIComponent(centreId)}/visits?${query}`);
                explanation = supervising()
                  ? await api<Explanation>(`${base}/history/explanation?${query}`).catch(() => null)
                  : null;
                message = '';
              } catch (err) {
                visit = null;
                explanation = null;
                message = refusalMessage(err, screen.lang, { centre, timeZone: centre?.timeZone });
              }
              render();
            });
          },
        },
        h('div', {}, h('label', { for: 'find-ticket' }, t('ticketHeader')), ticketInput),
        h('div', {}, h('label', { for: 'find-day' }, t('date')), daySelect),
        find,
      ),
      visit
        ? h(
            'div',
            {},
            h(
              'p',
              {},
              `${digits(visit.ticket, lang)}${SEPARATOR}${serviceName(visit.serviceCode)}${SEPARATOR}${statusText(visit.status)}`,
            ),
            timelineTable(visit, screen, centre),
            explanation ? explanationCard(explanation, screen, centre) : null,
          )
        : null,
    ),
    supervising() ? (timeTravel ??= new TimeTravel(screen, centreId, () => centre)).element : null,
    message ? h('p', { class: 'error', role: 'alert' }, message) : null,
    me?.role === 'SUPERVISOR' || me?.role === 'ADMIN' ? h('div', { class: 'row' }, closeDay) : null,
  );
}

function render(): void {
  const t = screen.t;
  document.title = `${t('supervisorTitle')}${SEPARATOR}${t('appName')}`;
  const header = h(
    'header',
    { class: 'bar' },
    h('h1', {}, `${t('supervisorTitle')}${SEPARATOR}${centre ? name(centre.names, centreId) : centreId}`),
    screen.languagePicker(),
    me?.role === 'SUPERVISOR' || me?.role === 'ADMIN'
      ? h('a', { href: `/reports.html?centre=${encodeURIComponent(centreId)}`, id: 'reports-link' }, t('reportsTitle'))
      : null,
    me ? h('p', { class: 'signed-in' }, t('signedInAs', { name: me.name, role: roleLabel(me.role, t) })) : null,
    me ? badge.element : null,
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
          : queues
            ? dashboard()
            : h('p', {}, t('loading')),
      ),
    ),
  );
}

async function start(): Promise<void> {
  centre = await api<Centre>(base);
  await refresh();
  new LiveStream(`${base}/display/stream`, {
    events: floorChangeKinds,
    onMessage: () => void refresh().catch(() => {}),
    onState: (s) => badge.set(s),
  }).start();
  setInterval(() => void refresh().catch(() => {}), 30_000); // waits grow while nothing happens
}

screen.onLang(render);
render();
currentStaff()
  .then((m) => {
    if (me) return; // signed in on the form while this first look was under way: that answer is older
    me = m;
    if (me) void start();
    else render();
  })
  .catch(() => render());
