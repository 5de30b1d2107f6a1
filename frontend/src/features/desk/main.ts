import '../../styles/base.css';
import './desk.css';
import {
  api,
  ApiError,
  floorChangeKinds,
  requestId,
  type CallNextRequest,
  type CallResponse,
  type Centre,
  type Me,
  type OpenDeskRequest,
  type QueuesView,
  type TransferRequest,
  type VisitAction,
  type VisitDetails,
} from '../../lib/api';
import { deskName as deskNameIn, serviceName as serviceNameIn } from '../../lib/centre';
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
  return h(
    'button',
    {
      type: 'button',
      disabled: busy,
      'data-action': attrs.action ?? '',
      class: attrs.class ?? '',
      onclick: () => void act(action, shown),
    },
    label,
  );
}

function openForm(): HTMLElement {
  const t = screen.t;
  chosenDesk ||= centre?.desks[0]?.deskId ?? '';
  const select = h(
    'select',
    { id: 'desk-select', name: 'desk', 'data-keep': 'false' },
    ...(centre?.desks ?? []).map((d) =>
      h('option', { value: d.deskId, selected: d.deskId === chosenDesk }, deskName(d.deskId)),
    ),
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
    const visitId = current.visitId;
    const steps = current.timeline.length;
    const gone = () => current?.visitId !== visitId;
    actions.push(
      button(
        t('start'),
        () => api(visitPath('start'), { body: {} }),
        { action: 'start', class: 'primary' },
        () => current?.status === 'IN_SERVICE',
      ),
    );
    actions.push(
      button(
        t('recall'),
        () => api(visitPath('recall'), { body: {} }),
        { action: 'recall', class: 'secondary' },
        () => (current?.timeline.length ?? 0) > steps,
      ),
    );
    actions.push(
      button(
        t('noShowAction'),
        () => api(visitPath('no-show'), { body: {} }),
        { action: 'no-show', class: 'secondary' },
        gone,
      ),
    );
    actions.push(
      button(
        t('cancelVisit'),
        () => api(visitPath('cancel'), { body: {} }),
        { action: 'cancel', class: 'danger' },
        gone,
      ),
    );
  } else if (current.status === 'IN_SERVICE') {
    const visitId = current.visitId;
    const gone = () => current?.visitId !== visitId;
    actions.push(
      button(
        t('complete'),
        () => api(visitPath('complete'), { body: {} }),
        { action: 'complete', class: 'primary' },
        gone,
      ),
    );
    const target = h(
      'select',
      { id: 'transfer-to', name: 'transfer' },
      ...(centre?.services ?? [])
        .filter((s) => s.code !== current!.serviceCode)
        .map((s) => h('option', { value: s.code }, serviceName(s.code))),
    );
    actions.push(
      h(
        'span',
        { class: 'transfer' },
        h('label', { for: 'transfer-to', class: 'visually-hidden' }, t('transfer')),
        target,
        button(
          t('transfer'),
          () => api(visitPath('transfer'), { body: { toServiceCode: target.value } satisfies TransferRequest }),
          { action: 'transfer', class: 'secondary' },
          gone,
        ),
      ),
    );
  }
  const waiting = (queues?.services ?? [])
    .filter((s) => desk.serviceCodes?.includes(s.serviceCode))
    .flatMap((s) => s.waiting.map((w) => ({ ...w, serviceCode: s.serviceCode })))
    .sort((a, b) => a.position - b.position || a.arrivedAt.localeCompare(b.arrivedAt));
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
      ),
      h('div', { class: 'row actions', 'aria-busy': busy ? 'true' : 'false' }, ...actions),
      message ? h('p', { class: message.error ? 'error' : 'notice', role: 'alert' }, message.text) : null,
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'waiting-title' },
      h('h2', { id: 'waiting-title' }, `${t('waitingList')} (${number(waiting.length, lang)})`),
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
                  h('td', {}, t(`priority${w.priorityClass}`)),
                  h('td', {}, t('minutes', { n: number(w.waitedMinutes, lang) })),
                ),
              ),
            ),
          ),
    ),
    current
      ? h('section', { class: 'card' }, h('h2', {}, t('timeline')), timelineTable(current, screen, centre?.timeZone))
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
render();
currentStaff()
  .then((found) => {
    me = found;
    if (me) void start();
    else render();
  })
  .catch(() => render());
