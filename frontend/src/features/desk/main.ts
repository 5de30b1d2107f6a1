import '../../styles/base.css';
import './desk.css';
import {
  api,
  ApiError,
  floorChangeKinds,
  requestId,
  outOfTurnReasons,
  returnReasons,
  type CallNextRequest,
  type CallResponse,
  type CallTicketRequest,
  type Centre,
  type Me,
  type OpenDeskRequest,
  type OutOfTurnCallResponse,
  type QueuesView,
  type ReturnRequest,
  type TransferRequest,
  type VisitAction,
  type VisitDetails,
} from '../../lib/api';
import { deskName as deskNameIn, serviceName as serviceNameIn } from '../../lib/centre';
import { ask as askQuestion, type Choice } from '../../lib/dialog';
import { byId, h, preserving, replace } from '../../lib/dom';
import { number, SEPARATOR, ticket as ticketText } from '../../lib/format';
import { localName } from '../../lib/i18n';
import { param, Screen } from '../../lib/page';
import { refusalMessage } from '../../lib/problems';
import { currentStaff, signInForm, signOut } from '../../lib/session';
import { readUntilShown } from '../../lib/settle';
import { LiveStream } from '../../lib/stream';
import { timelineTable } from '../../lib/timeline';

// The desk console: sign in, open a desk, call and serve. While a request is in flight every
// action button is disabled, so a double click never calls a second ticket.

const screen = new Screen();
const centreId = param('centre') ?? 'persian-gulf';
const app = byId('app');
const badge = screen.connectionBadge();
let me: Me | null = null;
let centre: Centre | null = null;
let queues: QueuesView | null = null;
let current: VisitDetails | null = null;
let busy = false;
/** A live change arrived while an action was settling: refresh once more after it. */
let missed = false;
let message: { text: string; error: boolean } | null = null;
let stream: LiveStream | null = null;
let chosenDesk = '';

const base = `/api/centres/${encodeURIComponent(centreId)}`;

/**
 * One key per action, read by its place on the keyboard (event.code), so that it is the same key
 * on a Persian or Pashto layout. Closing the desk has none: it is never done by a slip of a finger.
 */
const SHORTCUTS: Record<string, { code: string; key: string }> = {
  'call-next': { code: 'KeyN', key: 'N' },
  recall: { code: 'KeyR', key: 'R' },
  start: { code: 'KeyS', key: 'S' },
  complete: { code: 'KeyC', key: 'C' },
  transfer: { code: 'KeyT', key: 'T' },
  'no-show': { code: 'KeyM', key: 'M' },
  return: { code: 'KeyQ', key: 'Q' },
  cancel: { code: 'KeyX', key: 'X' },
  pause: { code: 'KeyP', key: 'P' },
  resume: { code: 'KeyP', key: 'P' },
};

/**
 * Asks before an action that cannot be undone. Enter confirms, Escape goes back; with choices
 * (a transfer's target service) the answer is the chosen value, and nothing is chosen for the clerk.
 */
async function ask(question: string, choices: Choice[] = []): Promise<string | null> {
  return (await askWith(question, choices))?.value ?? null;
}

/**
 * As {@link ask}, with the choices' legend (a reason instead of a service) and, when `note` is set,
 * a short optional note typed under the choices: digits typed there are text, not a choice.
 */
async function askWith(
  question: string,
  choices: Choice[],
  extra: { legend?: string; note?: boolean } = {},
): Promise<{ value: string; note: string } | null> {
  const t = screen.t;
  const answer = await askQuestion(screen, {
    question,
    choices,
    legend: extra.legend ?? t('chooseService'),
    text: extra.note ? { id: 'ask-note', label: t('noteLabel'), maxLength: 120 } : undefined,
  });
  focusConsole();
  return answer ? { value: answer.value, note: answer.text } : null;
}

/** After an action or a refresh the keyboard stays on the console, not on the page. */
function focusConsole(): void {
  const active = document.activeElement;
  if (document.querySelector('dialog[open]')) return;
  if (active && active !== document.body && app.contains(active)) return;
  // the console's first action, else the open-desk form's desk (after signing in, or a refused open)
  app
    .querySelector<HTMLElement>(
      '.actions button.primary:not([disabled]), .actions button:not([disabled]), #desk-select, #username',
    )
    ?.focus();
}

document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.altKey || e.metaKey || e.repeat || busy) return;
  if (document.querySelector('dialog[open]')) return;
  const target = e.target as HTMLElement | null;
  if (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) && (target as HTMLInputElement).type !== 'checkbox')
    return;
  const action = Object.entries(SHORTCUTS).find(
    ([name, s]) => s.code === e.code && app.querySelector(`.actions button[data-action="${name}"]:not([disabled])`),
  )?.[0];
  if (!action) return;
  e.preventDefault();
  app.querySelector<HTMLButtonElement>(`.actions button[data-action="${action}"]`)?.click();
});

function myDesk() {
  return queues?.desks.find((d) => d.staffId === me?.name && d.status !== 'CLOSED') ?? null;
}

function name(names: Record<string, string> | undefined, fallback: string): string {
  return localName(names, screen.lang, fallback);
}

const deskName = (deskId: string) => deskNameIn(centre, deskId, screen.lang);
const serviceName = (code: string) => serviceNameIn(centre, code, screen.lang);

let refreshes = 0;

/** Reads the queues and the current visit; an answer overtaken by a later refresh is dropped. */
async function refresh(): Promise<void> {
  const mine = ++refreshes;
  const nextQueues = await api<QueuesView>(`${base}/queues`);
  const visitId = nextQueues.desks.find((d) => d.staffId === me?.name && d.status !== 'CLOSED')?.currentVisitId;
  const nextCurrent = visitId ? await api<VisitDetails>(`/api/visits/${encodeURIComponent(visitId)}`) : null;
  if (mine !== refreshes) return;
  queues = nextQueues;
  current = nextCurrent;
  render();
}

/**
 * The request id of a call-next until it has an answer: a click after a lost answer repeats it,
 * and the floor answers with the ticket it already called instead of calling a second one.
 */
let pendingCall: string | null = null;

async function callNext(deskPath: string): Promise<CallResponse> {
  pendingCall ??= requestId('call');
  try {
    const answer = await api<CallResponse>(`${deskPath}/call-next`, {
      body: { requestId: pendingCall } satisfies CallNextRequest,
    });
    pendingCall = null;
    return answer;
  } catch (e) {
    if (e instanceof ApiError) pendingCall = null; // answered (e.g. nobody waiting): the next click is a new call
    throw e;
  }
}

/**
 * Runs one action; all action buttons stay disabled until it has settled and the screen shows its
 * outcome. The read models follow the command a moment later, so the view is refreshed until
 * `shown` holds (or a few seconds pass): a stale view must never offer "call next" again.
 */
async function act<T>(action: () => Promise<T>, shown: (answer: T) => boolean = () => true): Promise<void> {
  if (busy) return;
  busy = true;
  message = null;
  note = null;
  render();
  let answer: T | undefined;
  let failed = false;
  try {
    answer = await action();
  } catch (e) {
    failed = true;
    message = { text: refusalMessage(e, screen.lang, { centre, timeZone: centre?.timeZone }), error: true };
  }
  try {
    await readUntilShown(refresh, () => failed || shown(answer as T), 100);
  } catch {
    // the message above (or the stream's state) tells what went wrong
  }
  busy = false;
  render();
  if (missed) {
    missed = false;
    void refresh().catch(() => {});
  }
}

function button<T>(
  label: string,
  action: () => Promise<T>,
  attrs: Record<string, string> = {},
  shown: (answer: T) => boolean = () => true,
): HTMLButtonElement {
  const shortcut = attrs.action ? SHORTCUTS[attrs.action] : undefined;
  return h(
    'button',
    {
      type: 'button',
      disabled: busy,
      'data-action': attrs.action ?? '',
      class: attrs.class ?? '',
      'aria-keyshortcuts': shortcut?.key,
      onclick: () => void act(action, shown),
    },
    label,
    shortcut ? h('kbd', { 'aria-hidden': 'true' }, shortcut.key) : null,
  );
}

/** Who holds a desk now, when someone else does: such a desk cannot be opened here. */
function heldBy(deskId: string): string | null {
  const state = queues?.desks.find((d) => d.deskId === deskId);
  if (!state || state.status === 'CLOSED' || !state.staffId || state.staffId === me?.name) return null;
  return state.staffId;
}

function openForm(): HTMLElement {
  const t = screen.t;
  const desks = centre?.desks ?? [];
  // the first free desk unless the clerk chose one; desks others hold are shown as theirs
  if (!chosenDesk || heldBy(chosenDesk)) chosenDesk = desks.find((d) => !heldBy(d.deskId))?.deskId ?? '';
  const select = h(
    'select',
    { id: 'desk-select', name: 'desk', 'data-keep': 'false' },
    ...desks.map((d) => {
      const holder = heldBy(d.deskId);
      return h(
        'option',
        { value: d.deskId, selected: d.deskId === chosenDesk, disabled: holder !== null, 'data-held-by': holder },
        holder ? `${deskName(d.deskId)}${SEPARATOR}${t('deskHeldBy', { name: holder })}` : deskName(d.deskId),
      );
    }),
  );
  const services = h('fieldset', { class: 'services' }, h('legend', {}, t('services')));
  const renderServices = () => {
    const desk = centre?.desks.find((d) => d.deskId === select.value);
    replace(
      services,
      h('legend', {}, t('services')),
      ...(desk?.serviceCodes ?? []).map((code) =>
        h(
          'label',
          { class: 'check' },
          h('input', { type: 'checkbox', name: 'service', value: code, checked: true }),
          serviceName(code),
        ),
      ),
    );
  };
  select.addEventListener('change', () => {
    chosenDesk = select.value;
    renderServices();
  });
  renderServices();
  const open = button(
    t('openDesk'),
    () => {
      const chosen = [...services.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
      return api(`${base}/desks/${encodeURIComponent(select.value)}/open`, {
        body: { serviceCodes: chosen } satisfies OpenDeskRequest,
      });
    },
    { action: 'open' },
    () => myDesk() !== null,
  );
  return h(
    'section',
    { class: 'card' },
    h('h2', {}, t('openDesk')),
    h('label', { for: 'desk-select' }, t('desk')),
    select,
    services,
    h('div', { class: 'row' }, open),
  );
}

/** Recalls of the visit since it was last called (a transfer starts the count again). */
function recallsSinceCalled(visit: VisitDetails): number {
  let recalls = 0;
  for (const step of visit.timeline) {
    if (step.event === 'CALLED' || step.event === 'CALLED_OUT_OF_TURN' || step.event === 'TRANSFERRED') recalls = 0;
    else if (step.event === 'RECALLED') recalls++;
  }
  return recalls;
}

/** Runs the action once the clerk said yes; null when they went back. */
async function confirmed<T>(question: string, action: () => Promise<T>): Promise<T | null> {
  return (await ask(question)) ? action() : null;
}

/** Asks for the target service (no default), transfers, and says "B-002 → F-005". */
async function transfer(visit: VisitDetails): Promise<VisitDetails | null> {
  const t = screen.t;
  const lang = screen.lang;
  const targets = (centre?.services ?? []).filter((sv) => sv.code !== visit.serviceCode);
  const to = await ask(
    t('transferTo', { ticket: ticketText(visit.ticket, lang) }),
    targets.map((sv) => ({ value: sv.code, label: serviceName(sv.code) })),
  );
  if (!to) return null;
  await api(`/api/visits/${encodeURIComponent(visit.visitId)}/transfer`, {
    body: { toServiceCode: to } satisfies TransferRequest,
  });
  // the visit keeps its id and gets a ticket of the new service once the read model has it
  let moved: VisitDetails | null = null;
  await readUntilShown(
    async () => {
      moved = await api<VisitDetails>(`/api/visits/${encodeURIComponent(visit.visitId)}`);
    },
    () => moved !== null && moved.serviceCode === to,
    100,
  ).catch(() => {});
  const after = moved as VisitDetails | null;
  if (after && after.serviceCode === to) {
    noteKind = 'transferred';
    note = t('transferred', {
      from: ticketText(visit.ticket, lang),
      to: ticketText(after.ticket, lang),
      service: serviceName(to),
    });
  }
  return after;
}

/**
 * Calls a waiting ticket by name once the clerk has said why (no reason is chosen for them);
 * null when they went back.
 */
async function callTicket(deskPath: string, visitId: string, ticket: string): Promise<OutOfTurnCallResponse | null> {
  const t = screen.t;
  const answer = await askWith(
    t('callTicketWhy', { ticket: ticketText(ticket, screen.lang) }),
    outOfTurnReasons.map((r) => ({ value: r, label: t(`outOfTurn${r}`) })),
    { legend: t('chooseReason'), note: true },
  );
  const reason = outOfTurnReasons.find((r) => r === answer?.value);
  if (!answer || !reason) return null;
  return api<OutOfTurnCallResponse>(`${deskPath}/call`, {
    body: { visitId, reason, note: answer.note || null } satisfies CallTicketRequest,
  });
}

/** Returns the called ticket to its queue once the clerk has said why, and says it kept its place. */
async function returnToQueue(visit: VisitDetails): Promise<string | null> {
  const t = screen.t;
  const ticket = ticketText(visit.ticket, screen.lang);
  const answer = await askWith(
    t('returnWhy', { ticket }),
    returnReasons.map((r) => ({ value: r, label: t(`return${r}`) })),
    { legend: t('chooseReason'), note: true },
  );
  const reason = returnReasons.find((r) => r === answer?.value);
  if (!answer || !reason) return null;
  await api(`/api/visits/${encodeURIComponent(visit.visitId)}/return`, {
    body: { reason, note: answer.note || null } satisfies ReturnRequest,
  });
  noteKind = 'returned';
  note = t('returnedToQueue', { ticket });
  return visit.visitId;
}

/** "called 2 min ago", "in service for 6 min": since the visit's last call or its start. */
function serviceTimer(visit: VisitDetails, now = Date.now()): string {
  const t = screen.t;
  const kinds =
    visit.status === 'IN_SERVICE' ? ['STARTED'] : ['CALLED', 'CALLED_OUT_OF_TURN', 'RECALLED', 'TRANSFERRED'];
  const since = [...visit.timeline].reverse().find((step) => kinds.includes(step.event))?.at;
  if (!since) return '';
  const whole = Math.max(0, Math.floor((now - Date.parse(since)) / 60_000));
  if (whole === 0) return visit.status === 'IN_SERVICE' ? t('inServiceJustStarted') : t('calledJustNow');
  const minutes = number(whole, screen.lang);
  return visit.status === 'IN_SERVICE' ? t('inServiceFor', { n: minutes }) : t('calledAgo', { n: minutes });
}

/** A success the clerk should read once (a transfer's new ticket); cleared by the next action. */
let note: string | null = null;
/** What the note says happened, for tests and styles: "transferred" or "returned". */
let noteKind = 'transferred';

function consolePanel(): HTMLElement {
  const t = screen.t;
  const lang = screen.lang;
  const desk = myDesk()!;
  const deskPath = `${base}/desks/${encodeURIComponent(desk.deskId)}`;
  const visitPath = (action: VisitAction) => `/api/visits/${encodeURIComponent(current!.visitId)}/${action}`;
  const actions: HTMLElement[] = [];
  if (!current) {
    actions.push(
      button(
        t('callNext'),
        () => callNext(deskPath),
        { action: 'call-next', class: 'primary' },
        (called) => current?.visitId === called.visitId,
      ),
    );
    actions.push(
      desk.status === 'PAUSED'
        ? button(
            t('resume'),
            () => api(`${deskPath}/resume`, { body: {} }),
            { action: 'resume' },
            () => myDesk()?.status === 'OPEN',
          )
        : button(
            t('pause'),
            () => api(`${deskPath}/pause`, { body: {} }),
            { action: 'pause', class: 'secondary' },
            () => myDesk()?.status === 'PAUSED',
          ),
    );
    actions.push(
      button(
        t('closeDesk'),
        () => api(`${deskPath}/close`, { body: {} }),
        { action: 'close', class: 'secondary' },
        () => myDesk() === null,
      ),
    );
  } else if (current.status === 'CALLED') {
    const visit = current;
    const steps = visit.timeline.length;
    const gone = () => current?.visitId !== visit.visitId;
    // the floor's rules: a recall while recalls are left, a no-show only after the last of them
    const recalls = recallsSinceCalled(visit);
    const maxRecalls = centre?.maxRecalls ?? 2;
    const ticket = ticketText(visit.ticket, lang);
    actions.push(
      button(
        t('start'),
        () => api(visitPath('start'), { body: {} }),
        { action: 'start', class: 'primary' },
        () => current?.status === 'IN_SERVICE',
      ),
    );
    if (recalls < maxRecalls) {
      actions.push(
        button(
          t('recall'),
          () => api(visitPath('recall'), { body: {} }),
          { action: 'recall', class: 'secondary' },
          () => (current?.timeline.length ?? 0) > steps,
        ),
      );
    } else {
      actions.push(
        button(
          t('noShowAction'),
          () => confirmed(t('confirmNoShow', { ticket }), () => api(visitPath('no-show'), { body: {} })),
          { action: 'no-show', class: 'secondary' },
          (answer) => answer === null || gone(),
        ),
      );
    }
    actions.push(
      button(
        t('returnToQueue'),
        () => returnToQueue(visit),
        { action: 'return', class: 'secondary' },
        (answer) => answer === null || gone(),
      ),
    );
    actions.push(
      button(
        t('cancelVisit'),
        () => confirmed(t('confirmCancel', { ticket }), () => api(visitPath('cancel'), { body: {} })),
        { action: 'cancel', class: 'danger' },
        (answer) => answer === null || gone(),
      ),
    );
  } else if (current.status === 'IN_SERVICE') {
    const visit = current;
    const gone = () => current?.visitId !== visit.visitId;
    actions.push(
      button(
        t('complete'),
        () => api(visitPath('complete'), { body: {} }),
        { action: 'complete', class: 'primary' },
        gone,
      ),
    );
    actions.push(
      button(
        t('transfer'),
        () => transfer(visit),
        { action: 'transfer', class: 'secondary' },
        (answer) => answer === null || gone(),
      ),
    );
  }
  // numbered in the order the desk's call-next will follow across its services, as the server
  // computes it with the published policy (the limit of priority calls in a row included)
  const tickets = new Map(
    (queues?.services ?? [])
      .filter((s) => desk.serviceCodes?.includes(s.serviceCode))
      .flatMap((s) => s.waiting.map((w) => [w.visitId, { ...w, serviceCode: s.serviceCode }] as const)),
  );
  const waiting = desk.callOrder.flatMap((id) => {
    const w = tickets.get(id);
    return w ? [w] : [];
  });
  const canCall = !current && desk.status === 'OPEN';
  return h(
    'div',
    { class: 'console' },
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'desk-title' },
      h(
        'h2',
        { id: 'desk-title' },
        `${deskName(desk.deskId)}${SEPARATOR}${t(desk.status === 'PAUSED' ? 'deskPaused' : 'deskOpen')}`,
      ),
      h(
        'p',
        { class: 'current', 'data-ticket': current?.ticket ?? '', 'data-status': current?.status ?? '' },
        `${t('current')}: `,
        current
          ? h('strong', {}, `${ticketText(current.ticket, lang)}${SEPARATOR}${serviceName(current.serviceCode)}`)
          : '—',
        current ? h('span', { class: 'timer', 'data-timer': '' }, ` (${serviceTimer(current)})`) : null,
      ),
      h('div', { class: 'row actions', 'aria-busy': busy ? 'true' : 'false' }, ...actions),
      message ? h('p', { class: message.error ? 'error' : 'notice', role: 'alert' }, message.text) : null,
      !message && note ? h('p', { class: 'notice', role: 'status', 'data-note': noteKind }, note) : null,
      h('p', { class: 'small shortcuts' }, t('shortcutsHint')),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'waiting-title' },
      h('h2', { id: 'waiting-title' }, `${t('waitingList')} (${number(waiting.length, lang)})`),
      waiting.length > 1 ? h('p', { class: 'small call-order' }, t('callOrderHint')) : null,
      waiting.length === 0
        ? h('p', {}, t('emptyQueue'))
        : h(
            'table',
            { class: 'waiting' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, '#'),
                h('th', { scope: 'col' }, t('ticketHeader')),
                h('th', { scope: 'col' }, t('service')),
                h('th', { scope: 'col' }, t('priority')),
                h('th', { scope: 'col' }, t('waiting')),
                canCall ? h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('actions'))) : null,
              ),
            ),
            h(
              'tbody',
              {},
              ...waiting.map((w, i) =>
                h(
                  'tr',
                  { 'data-ticket': w.ticket },
                  h('td', {}, number(i + 1, lang)),
                  h('td', {}, ticketText(w.ticket, lang)),
                  h('td', {}, serviceName(w.serviceCode)),
                  h('td', {}, w.priorityClass === 'NONE' ? t('regularPriority') : t(`priority${w.priorityClass}`)),
                  h('td', {}, t('minutes', { n: number(w.waitedMinutes, lang) })),
                  canCall
                    ? h(
                        'td',
                        {},
                        h(
                          'button',
                          {
                            type: 'button',
                            class: 'secondary call-ticket',
                            disabled: busy,
                            'data-action': 'call-ticket',
                            'aria-label': t('callTicketLabel', { ticket: ticketText(w.ticket, lang) }),
                            onclick: () =>
                              void act(
                                () => callTicket(deskPath, w.visitId, w.ticket),
                                (called) => called === null || current?.visitId === called.visitId,
                              ),
                          },
                          t('callTicket'),
                        ),
                      )
                    : null,
                ),
              ),
            ),
          ),
    ),
    current
      ? h('section', { class: 'card' }, h('h2', {}, t('timeline')), timelineTable(current, screen, centre))
      : null,
  );
}

function render(): void {
  const t = screen.t;
  const header = h(
    'header',
    { class: 'bar' },
    h('h1', {}, `${t('deskConsole')}${SEPARATOR}${centre ? name(centre.names, centreId) : centreId}`),
    screen.languagePicker(),
    me ? badge.element : null,
    me
      ? h(
          'span',
          { class: 'who' },
          me.name,
          ' ',
          h(
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
          ),
        )
      : null,
  );
  let body: HTMLElement;
  if (!me) {
    body = signInForm(screen, (signedIn) => {
      me = signedIn;
      void start();
    });
  } else if (!queues) {
    body = h('p', {}, t('loading'));
  } else {
    body = myDesk()
      ? consolePanel()
      : h('div', {}, openForm(), message ? h('p', { class: 'error', role: 'alert' }, message.text) : null);
  }
  preserving(app, () => replace(app, header, h('main', {}, body)));
  focusConsole();
}

async function start(): Promise<void> {
  centre = await api<Centre>(base);
  await refresh();
  stream?.stop();
  stream = new LiveStream(`${base}/display/stream`, {
    events: floorChangeKinds,
    onMessage: () => {
      if (busy) missed = true;
      else void refresh().catch(() => {});
    },
    onState: (s) => badge.set(s),
  });
  stream.start();
}

screen.onLang(render);
// the timer moves on without a re-render of the console (which would disturb a clerk's focus)
setInterval(() => {
  const timer = app.querySelector('[data-timer]');
  if (timer && current) timer.textContent = ` (${serviceTimer(current)})`;
}, 15_000);
render();
currentStaff()
  .then((found) => {
    me = found;
    if (me) void start();
    else render();
  })
  .catch(() => render());
