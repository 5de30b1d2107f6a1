import '../../styles/base.css';
import './display.css';
import {
  AnnouncementQueue,
  browserChime,
  browserClipPlayer,
  browserVoice,
  CallAnnouncements,
  type RecordedClip,
} from '../../lib/announcer';
import {
  api,
  deviceToken,
  floorChangeKinds,
  type Centre,
  type CallView,
  type DisplayMessage,
  type DisplayView,
  type FloorChangeKind,
} from '../../lib/api';
import { deskName as deskNameIn, serviceName as serviceNameIn } from '../../lib/centre';
import { byId, h, replace } from '../../lib/dom';
import { jalaliDate, number, ordinal, ticket as ticketText, time, waitText } from '../../lib/format';
import { localName } from '../../lib/i18n';
import { param, Screen } from '../../lib/page';
import { LiveStream } from '../../lib/stream';
import { callKey, unseenCalls } from './calls';
import { deskState, recallMarker, recentRows, shownDesks, zeroRuns } from './panels';

// The queue display: a TV at the centre, full screen, no input. ?centre=…&lang=…&device_token=…

const screen = new Screen();
const centreId = param('centre') ?? 'persian-gulf';
const token = deviceToken();
const query = token ? `?device_token=${encodeURIComponent(token)}` : '';
const chime = browserChime();
// announcements: the centre's recorded words, else the default pack, else a browser voice, else the chime
const clipShelf = h('div', { class: 'announcer-audio', hidden: true });
document.body.append(clipShelf);
const announcer = new AnnouncementQueue(chime.play, browserVoice(), browserClipPlayer(clipShelf));
const announcements = new CallAnnouncements(centreId);
const seen = new Set<string>();
let centre: Centre | null = null;
let view: DisplayView | null = null;
let primed = false;

const app = byId('app');
const badge = screen.connectionBadge();
const clock = h('div', { class: 'clock' });
const soundButton = h('button', {
  class: 'secondary sound',
  type: 'button',
  onclick: () => void enableSound(),
});
const title = h('h1', {});
const latest = h('section', { class: 'latest', 'aria-live': 'assertive', 'aria-atomic': 'true' });
const desks = h('section', { class: 'desks', 'aria-labelledby': 'desks-title' });
const recent = h('section', { class: 'recent', 'aria-labelledby': 'recent-title' });
const services = h('section', { class: 'services', 'aria-labelledby': 'services-title' });
const board = h('main', { class: 'board' }, latest, desks, h('div', { class: 'side' }, services, recent));
app.append(h('header', { class: 'bar' }, title, clock, badge.element, soundButton), board);

const deskName = (deskId: string) => deskNameIn(centre, deskId, screen.lang);
const serviceName = (code: string) => serviceNameIn(centre, code, screen.lang);

/**
 * Sound needs the browser's leave: a TV started with autoplay allowed gives it at once, others at
 * a click or a key of the remote. Once sound can play the button goes, since a TV has no mouse.
 */
async function enableSound(): Promise<void> {
  if (await chime.unlock()) {
    soundButton.hidden = true;
    document.body.dataset.sound = 'on';
  }
}

/** When each call and each desk's ticket was first shown: it flashes for a moment, even across re-renders. */
const FLASH_MS = 4000;
const firstShown = new Map<string, number>();
const shownNow = new Set<string>();
let flashReady = false;

function flashing(el: HTMLElement, key: string): HTMLElement {
  const now = Date.now();
  shownNow.add(key);
  if (!firstShown.has(key)) firstShown.set(key, flashReady ? now : 0);
  const age = now - (firstShown.get(key) ?? 0);
  if (age < FLASH_MS) {
    el.classList.add('flash');
    el.style.animationDelay = `-${age}ms`; // a re-render continues the flash, never restarts it
  }
  return el;
}

/** A ticket number, its Persian zeros drawn larger (they are dots that vanish across a hall). */
function ticketNode(value: string, cls = 'ticket'): HTMLElement {
  const runs = zeroRuns(ticketText(value, screen.lang));
  return h(
    'span',
    { class: cls, dir: 'ltr' },
    ...runs.map((r) => (r.zero ? h('span', { class: 'zero' }, r.text) : r.text)),
  );
}

function marker(recall: number): HTMLElement | null {
  const m = recallMarker(recall);
  return m ? h('span', { class: 'recall-marker' }, screen.t(m.key, { n: ordinal(m.n, screen.lang) })) : null;
}

/** Shrinks a line's font until it fits its box: the latest call is never wrapped. */
function fitOneLine(el: HTMLElement): void {
  el.style.fontSize = '';
  let size = parseFloat(getComputedStyle(el).fontSize);
  while (el.scrollWidth > el.clientWidth + 1 && size > 16) {
    size *= 0.92;
    el.style.fontSize = `${size}px`;
  }
}

/** Drops the oldest rows that do not fit: the screen never scrolls. */
function fitRows(box: HTMLElement, list: HTMLElement): void {
  while (list.lastElementChild && box.scrollHeight > box.clientHeight + 1) list.lastElementChild.remove();
}

function renderLatest(v: DisplayView): void {
  const t = screen.t;
  const lang = screen.lang;
  const call = v.latestCall;
  if (v.closed) {
    replace(
      latest,
      h('p', { class: 'empty day-closed' }, t('dayClosed')),
      h('p', { class: 'note' }, t('displayDayClosedNote')),
    );
    return;
  }
  if (!call) {
    replace(latest, h('h2', {}, t('nowServing')), h('p', { class: 'empty' }, t('noCalls')));
    return;
  }
  const line = flashing(
    h(
      'p',
      { class: 'call', 'data-ticket': call.ticket, 'data-desk': call.deskId, 'data-recall': call.recall },
      ticketNode(call.ticket),
      h('span', { class: 'arrow', 'aria-hidden': 'true' }, lang === 'en' ? '→' : '←'),
      h('span', { class: 'desk' }, deskName(call.deskId)),
    ),
    callKey(call),
  );
  replace(latest, h('h2', {}, t('nowServing'), marker(call.recall)), line);
  fitOneLine(line);
}

function renderDesks(v: DisplayView): void {
  const t = screen.t;
  const lang = screen.lang;
  const shown = shownDesks(
    v.desks,
    centre?.desks.map((d) => d.deskId),
  );
  replace(
    desks,
    h('h2', { id: 'desks-title' }, t('desks')),
    shown.length === 0
      ? h('p', { class: 'empty' }, t('displayNoDesks'))
      : h(
          'ul',
          { class: 'desk-panels', 'data-count': shown.length },
          ...shown.map((d) => {
            const state = deskState(d);
            const serving = d.serving;
            const panel = h(
              'li',
              {
                class: 'desk-panel',
                'data-desk': d.deskId,
                'data-state': state,
                'data-status': d.status,
                'data-ticket': serving?.ticket ?? '',
                'data-recall': serving?.recalls ?? 0,
              },
              h('span', { class: 'desk-name' }, deskName(d.deskId)),
              serving
                ? ticketNode(serving.ticket, 'ticket desk-ticket')
                : h('span', { class: 'desk-idle' }, state === 'paused' ? t('displayDeskPaused') : t('displayDeskFree')),
              serving &&
                h(
                  'span',
                  { class: 'desk-note' },
                  d.status === 'PAUSED'
                    ? t('displayDeskPaused')
                    : t(state === 'called' ? 'displayDeskCalled' : 'displayDeskInService', {
                        time: time(serving.since, lang, centre?.timeZone),
                      }),
                ),
              serving && marker(serving.recalls),
            );
            return serving ? flashing(panel, `${d.deskId}|${serving.ticket}|${serving.recalls}`) : panel;
          }),
        ),
  );
}

function renderRecent(v: DisplayView): void {
  const t = screen.t;
  const lang = screen.lang;
  const now = v.latestCall;
  const rows = recentRows(v.recentCalls).filter((c) => !(now && c.ticket === now.ticket && c.deskId === now.deskId));
  const list = h(
    'ol',
    { class: 'calls' },
    ...rows.map((c: CallView) =>
      h(
        'li',
        { 'data-ticket': c.ticket, 'data-recall': c.recall },
        ticketNode(c.ticket),
        h('span', { class: 'desk' }, deskName(c.deskId)),
        marker(c.recall),
        h('time', { datetime: c.at }, time(c.at, lang, centre?.timeZone)),
      ),
    ),
  );
  replace(recent, h('h2', { id: 'recent-title' }, t('recentCalls')), list);
  fitRows(recent, list);
}

function renderServices(v: DisplayView): void {
  const t = screen.t;
  const lang = screen.lang;
  replace(
    services,
    h('h2', { id: 'services-title' }, t('waiting')),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('service')),
          h('th', { scope: 'col' }, t('waiting')),
          h('th', { scope: 'col' }, t('estimatedWait')),
        ),
      ),
      h(
        'tbody',
        {},
        ...v.services.map((s) =>
          h(
            'tr',
            { 'data-service': s.serviceCode },
            h('td', {}, serviceName(s.serviceCode)),
            h('td', {}, number(s.waiting, lang)),
            h('td', { 'data-eta': s.estimatedWaitMinutes }, waitText(s.estimatedWait, t, lang)),
          ),
        ),
      ),
    ),
  );
}

function render(): void {
  const t = screen.t;
  title.textContent = centre ? localName(centre.names, screen.lang, centreId) : t('appName');
  soundButton.textContent = `🔊 ${t('enableSound')}`;
  if (!view) {
    replace(latest, h('p', { class: 'empty' }, t('loading')));
    return;
  }
  shownNow.clear();
  board.classList.toggle('closed', view.closed);
  document.body.dataset.closed = String(view.closed);
  renderLatest(view);
  renderDesks(view);
  desks.querySelectorAll<HTMLElement>('.desk-ticket').forEach(fitOneLine);
  renderServices(view);
  renderRecent(view);
  flashReady = true; // what the first snapshot shows is not new
  for (const key of firstShown.keys()) if (!shownNow.has(key)) firstShown.delete(key);
}

function tick(): void {
  const now = Date.now();
  replace(
    clock,
    h('span', { class: 'time' }, time(now, screen.lang, centre?.timeZone)),
    ' ',
    h('span', { class: 'date' }, jalaliDate(now, screen.lang, centre?.timeZone, true)),
  );
}

function announceNew(next: DisplayView): void {
  const fresh = unseenCalls(seen, next.recentCalls);
  fresh.forEach((c) => seen.add(callKey(c)));
  // a display runs all day: remember only the calls it can still be shown
  const shown = new Set(next.recentCalls.map(callKey));
  for (const key of seen) if (!shown.has(key)) seen.delete(key);
  if (!primed) {
    primed = true; // the first snapshot is history, not news
    return;
  }
  for (const c of fresh) {
    announcer.announce(announcements.for(c, centre, screen.lang));
    document.body.dataset.lastAnnounced = c.ticket;
  }
}

function show(next: DisplayView): void {
  view = next;
  render();
  // announced after the screen shows the call: starting audio can take a moment on the first call
  setTimeout(() => announceNew(next), 0);
}

screen.onLang(() => {
  render();
  tick();
});
render();
tick();
setInterval(tick, 1000);
window.addEventListener('resize', render);
window.addEventListener('keydown', () => void enableSound());
void enableSound();

api<Centre>(`/api/centres/${encodeURIComponent(centreId)}`)
  .then((c) => {
    centre = c;
    document.body.dataset.centre = c.centreId;
    render();
    tick();
  })
  .catch(() => {});
const loadRecordings = () =>
  api<{ clips: RecordedClip[] }>(`/api/centres/${encodeURIComponent(centreId)}/voice`)
    .then((pack) => announcements.setRecordings(pack.clips))
    .catch(() => {}); // the default pack until the next try
void loadRecordings();
setInterval(loadRecordings, 5 * 60_000);
new LiveStream<FloorChangeKind, DisplayMessage>(`/api/centres/${encodeURIComponent(centreId)}/display/stream${query}`, {
  events: floorChangeKinds,
  onMessage: (_event, message) => {
    if (message?.display) show(message.display);
  },
  onState: (state) => {
    badge.set(state);
    document.body.dataset.connection = state;
  },
}).start();
