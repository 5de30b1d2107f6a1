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
import { jalaliDate, number, ticket as ticketText, time } from '../../lib/format';
import { localName } from '../../lib/i18n';
import { param, Screen } from '../../lib/page';
import { LiveStream } from '../../lib/stream';
import { callKey, unseenCalls } from './calls';

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
  onclick: async () => {
    if (await chime.unlock()) soundButton.hidden = true;
  },
});
const title = h('h1', {});
const latest = h('section', { class: 'latest', 'aria-live': 'assertive', 'aria-atomic': 'true' });
const recent = h('section', { class: 'recent', 'aria-labelledby': 'recent-title' });
const services = h('section', { class: 'services', 'aria-labelledby': 'services-title' });
app.append(
  h('header', { class: 'bar' }, title, clock, badge.element, soundButton),
  h('main', { class: 'board' }, latest, recent, services),
);

const deskName = (deskId: string) => deskNameIn(centre, deskId, screen.lang);
const serviceName = (code: string) => serviceNameIn(centre, code, screen.lang);

function render(): void {
  const t = screen.t;
  const lang = screen.lang;
  title.textContent = centre ? localName(centre.names, lang, centreId) : t('appName');
  soundButton.textContent = `🔊 ${t('enableSound')}`;
  if (!view) {
    replace(latest, h('p', { class: 'empty' }, t('loading')));
    return;
  }
  const call = view.latestCall;
  replace(
    latest,
    h('h2', {}, t('nowServing')),
    call
      ? h(
          'p',
          { class: 'call', 'data-ticket': call.ticket, 'data-desk': call.deskId },
          h('span', { class: 'ticket' }, ticketText(call.ticket, lang)),
          h('span', { class: 'arrow', 'aria-hidden': 'true' }, lang === 'en' ? '→' : '←'),
          h('span', { class: 'desk' }, deskName(call.deskId)),
        )
      : h('p', { class: 'empty' }, view.closed ? t('dayClosed') : t('noCalls')),
  );
  replace(
    recent,
    h('h2', { id: 'recent-title' }, t('recentCalls')),
    h(
      'ol',
      { class: 'calls' },
      ...view.recentCalls
        .slice(1)
        .map((c: CallView) =>
          h(
            'li',
            { 'data-ticket': c.ticket },
            h('span', { class: 'ticket' }, ticketText(c.ticket, lang)),
            ' ',
            h('span', { class: 'desk' }, deskName(c.deskId)),
            ' ',
            h('time', { datetime: c.at }, time(c.at, lang, centre?.timeZone)),
          ),
        ),
    ),
  );
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
        ...view.services.map((s) =>
          h(
            'tr',
            { 'data-service': s.serviceCode },
            h('td', {}, serviceName(s.serviceCode)),
            h('td', {}, number(s.waiting, lang)),
            h('td', {}, t('minutes', { n: number(s.estimatedWaitMinutes, lang) })),
          ),
        ),
      ),
    ),
  );
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

api<Centre>(`/api/centres/${encodeURIComponent(centreId)}`)
  .then((c) => {
    centre = c;
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
