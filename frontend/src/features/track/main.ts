import '../../styles/base.css';
import './track.css';
import { browserChime } from '../../lib/announcer';
import { api, ApiError, type Centre, type TrackingView, type VisitStatus } from '../../lib/api';
import { deskName as deskNameIn, serviceName as serviceNameIn } from '../../lib/centre';
import { byId, guarded, h, replace } from '../../lib/dom';
import { number, ordinal, ticket as ticketText, time, waitText } from '../../lib/format';
import { localName } from '../../lib/i18n';
import { param, Screen } from '../../lib/page';
import { refusalMessage } from '../../lib/problems';
import { LiveStream } from '../../lib/stream';
import { describe, isNewCall } from './status';

// The visitor's phone, from the ticket's QR code: ?token=… shows that one ticket, live.

const OPEN: ReadonlySet<VisitStatus> = new Set(['WAITING', 'CALLED', 'IN_SERVICE']);

const screen = new Screen();
const token = param('token');
const app = byId('app');
const chime = browserChime();
const badge = screen.connectionBadge();
const soundButton = h('button', {
  type: 'button',
  class: 'secondary',
  onclick: async () => {
    if (await chime.unlock()) soundButton.hidden = true;
  },
});
const stateLine = h('p', { class: 'state', role: 'status', 'aria-live': 'assertive', 'aria-atomic': 'true' });
let view: TrackingView | null = null;
let stream: LiveStream<'ticket', TrackingView> | null = null;
/** Whether the page still follows the ticket (not after it ended, nor for a ticket that does not exist). */
let live = true;
let centre: Centre | null = null;
let problem: string | null = null;
/** "I am leaving" was tapped: the phone asks once more before giving up the turn. */
let confirmingLeave = false;
let leaveError: string | null = null;

const deskName = (deskId: string | null) => deskNameIn(centre, deskId, screen.lang);

function render(): void {
  const t = screen.t;
  const lang = screen.lang;
  soundButton.textContent = `🔊 ${t('enableSound')}`;
  const header = h(
    'header',
    { class: 'bar' },
    h('h1', {}, centre ? localName(centre.names, lang) : t('appName')),
    screen.languagePicker(),
    badge.element,
  );
  let body: HTMLElement;
  if (problem || !token) {
    body = h('section', { class: 'card' }, h('p', { class: 'error', role: 'alert' }, problem ?? t('ticketNotFound')));
  } else if (!view) {
    body = h('section', { class: 'card' }, h('p', {}, t('loading')));
  } else {
    const state = describe(view);
    // one live region for the whole visit: screen readers announce its changes, not a new element
    const sentence = t(state.key, {
      desk: deskName(view.deskId),
      n: number(Math.max(0, view.position - 1), lang),
      call: ordinal(view.recall + 1, lang),
    });
    if (stateLine.textContent !== sentence) stateLine.textContent = sentence;
    const service = serviceNameIn(centre, view.serviceCode, lang);
    const open = OPEN.has(view.status);
    body = h(
      'section',
      { class: `card ticket-card${state.callToDesk ? ' called' : ''}`, 'data-status': view.status },
      h('h2', {}, t('yourTicket')),
      h('p', { class: 'ticket-number', 'data-ticket': view.ticket }, ticketText(view.ticket, lang)),
      h('p', {}, service),
      view.priorityClass === 'NONE'
        ? null
        : h(
            'p',
            { class: 'priority', 'data-priority': view.priorityClass },
            `${t('priority')}: ${t(`priority${view.priorityClass}`)}`,
          ),
      view.previousTicket && open ? transferNotice(view, service) : null,
      stateLine,
      view.status === 'WAITING'
        ? h(
            'dl',
            {},
            h('dt', {}, t('position')),
            h('dd', { 'data-position': view.position }, number(view.position, lang)),
            h('dt', {}, t('estimatedWait')),
            h(
              'dd',
              { 'data-eta': '' },
              waitText(view.estimatedWait, t, lang),
              // "now" needs no clock time beside it
              view.expectedCallAt && view.estimatedWait.minutes > 0
                ? h(
                    'span',
                    { class: 'expected', 'data-expected': view.expectedCallAt },
                    ` (${t('aroundTime', { time: time(view.expectedCallAt, lang, centre?.timeZone) })})`,
                  )
                : null,
            ),
          )
        : null,
      view.calledAt
        ? h('p', { class: 'small called-at' }, t('calledAtTime', { time: time(view.calledAt, lang, centre?.timeZone) }))
        : null,
      open ? soundButton : null,
      open ? leaveControls() : null,
    );
  }
  // after the visit ends, or for a ticket that does not exist, nothing is live: no badge claims otherwise
  badge.element.hidden = !token || !live || (!!view && !OPEN.has(view.status));
  replace(app, header, h('main', {}, body));
}

/** A transfer, said in full: where to, the new number, and that the old ticket no longer counts. */
function transferNotice(v: TrackingView, service: string): HTMLElement {
  const lang = screen.lang;
  return h(
    'p',
    { class: 'notice transfer', 'data-previous-ticket': v.previousTicket ?? '' },
    screen.t('transferredTo', {
      service,
      ticket: ticketText(v.ticket, lang),
      old: ticketText(v.previousTicket ?? '', lang),
    }),
  );
}

/** "I am leaving", then a second tap to confirm; the ticket is cancelled by its own link. */
function leaveControls(): HTMLElement {
  const t = screen.t;
  if (!confirmingLeave) {
    return h(
      'div',
      { class: 'leave' },
      leaveError ? h('p', { class: 'error', role: 'alert' }, leaveError) : null,
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          'data-action': 'leave',
          onclick: () => {
            confirmingLeave = true;
            leaveError = null;
            render();
            document.querySelector<HTMLButtonElement>('[data-action="confirm-leave"]')?.focus();
          },
        },
        t('imLeaving'),
      ),
    );
  }
  const confirm: HTMLButtonElement = h(
    'button',
    {
      type: 'button',
      class: 'danger',
      'data-action': 'confirm-leave',
      onclick: () =>
        void guarded(confirm, async () => {
          try {
            const answer = await api<TrackingView>(`/api/track/${encodeURIComponent(token ?? '')}/leave`, {
              method: 'POST',
            });
            confirmingLeave = false;
            show(answer);
            stream?.stop();
          } catch (e) {
            confirmingLeave = false;
            leaveError = refusalMessage(e, screen.lang, { centre, timeZone: centre?.timeZone });
            render();
          }
        }),
    },
    t('confirmLeave'),
  );
  return h(
    'div',
    { class: 'leave confirm', role: 'group', 'aria-labelledby': 'leave-question' },
    h('p', { id: 'leave-question' }, t('leaveQuestion')),
    h(
      'div',
      { class: 'row' },
      confirm,
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          'data-action': 'stay',
          onclick: () => {
            confirmingLeave = false;
            render();
          },
        },
        t('stayInQueue'),
      ),
    ),
  );
}

function show(next: TrackingView): void {
  const called = isNewCall(view, next);
  const first = !view;
  view = next;
  render();
  if (called) {
    // after the screen shows it: starting audio can take a moment on the first call
    setTimeout(() => {
      void chime.play();
      navigator.vibrate?.([400, 150, 400, 150, 400]);
    }, 0);
  }
  if (first && !centre) {
    api<Centre>(`/api/centres/${encodeURIComponent(next.centreId)}`)
      .then((c) => {
        centre = c;
        render();
      })
      .catch(() => {});
  }
}

screen.onLang(render);
render();
if (token) {
  const path = `/api/track/${encodeURIComponent(token)}`;
  stream = new LiveStream<'ticket', TrackingView>(`${path}/stream`, {
    events: ['ticket'],
    onMessage: (_e, next) => {
      problem = null;
      show(next);
      if (!OPEN.has(next.status)) stream?.stop(); // an ended visit never changes again: free the phone's connection
    },
    onState: (state) => {
      badge.set(state);
      document.body.dataset.connection = state;
    },
  });
  api<TrackingView>(path)
    .then((v) => {
      show(v);
      if (!OPEN.has(v.status)) stream?.stop();
    })
    .catch((e) => {
      if (e instanceof ApiError && e.status === 404 && !view) {
        problem = screen.t('ticketNotFound');
        live = false;
        stream?.stop(); // no such ticket: do not keep asking
      } else if (!view) {
        problem = refusalMessage(e, screen.lang); // a refusal in the phone's language, or "try again"
      }
      render();
    });
  stream.start();
}
