import '../../styles/base.css';
import './kiosk.css';
import {
  api,
  deviceToken,
  oneOf,
  priorityClasses,
  requestId,
  type Arrival,
  type ArrivalRequest,
  type Centre,
} from '../../lib/api';
import { serviceName as serviceNameIn } from '../../lib/centre';
import { byId, guarded, h, replace } from '../../lib/dom';
import { jalaliDate, latinDigits, number, SEPARATOR, ticket as ticketText, time } from '../../lib/format';
import { LANG_NAMES, LANGS, localName, type Lang } from '../../lib/i18n';
import { param, Screen } from '../../lib/page';
import { refusalMessage } from '../../lib/problems';

// The kiosk: language, service, walk-in or check-in, priority; a printed ticket with a QR code to
// the visitor's tracking page. ?centre=…&device_token=… (the kiosk's token, issued by an administrator).

const screen = new Screen();
const centreId = param('centre') ?? 'persian-gulf';
const token = deviceToken();
const app = byId('app');
let centre: Centre | null = null;
let resetTimer: number | undefined;

type Step =
  | { name: 'language' }
  | { name: 'mode' }
  | { name: 'service' }
  | { name: 'checkin' }
  | { name: 'priority'; serviceCode?: string; appointmentCode?: string }
  | { name: 'ticket'; arrival: Arrival };
let step: Step = { name: 'language' };

/** Back to the start when nobody touches the kiosk: the next visitor never sees a half-made choice. */
function armReset(): void {
  window.clearTimeout(resetTimer);
  if (step.name !== 'language')
    resetTimer = window.setTimeout(() => go({ name: 'language' }), step.name === 'ticket' ? 60_000 : 90_000);
}

function go(next: Step): void {
  step = next;
  armReset();
  render();
  app.querySelector<HTMLElement>('h2, [autofocus]')?.focus();
}

const serviceName = (code: string) => serviceNameIn(centre, code, screen.lang);

function backButton(to: Step): HTMLElement {
  return h('button', { type: 'button', class: 'secondary back', onclick: () => go(to) }, screen.t('back'));
}

function render(): void {
  const t = screen.t;
  const lang = screen.lang;
  const header = h(
    'header',
    { class: 'bar' },
    h('h1', {}, centre ? localName(centre.names, lang, centreId) : t('appName')),
    h('span', { class: 'date' }, jalaliDate(Date.now(), lang, centre?.timeZone, true)),
  );
  let body: HTMLElement;
  switch (step.name) {
    case 'language':
      body = h(
        'section',
        { class: 'card step' },
        h('h2', { tabindex: -1 }, t('kioskWelcome')),
        h(
          'div',
          { class: 'choices' },
          ...LANGS.map((l: Lang) =>
            h(
              'button',
              {
                type: 'button',
                class: 'big',
                lang: l,
                onclick: () => {
                  screen.switchTo(l);
                  go({ name: 'mode' });
                },
              },
              LANG_NAMES[l],
            ),
          ),
        ),
      );
      break;
    case 'mode':
      body = h(
        'section',
        { class: 'card step' },
        h('h2', { tabindex: -1 }, t('chooseService')),
        h(
          'div',
          { class: 'choices' },
          h('button', { type: 'button', class: 'big', onclick: () => go({ name: 'service' }) }, `🎫 ${t('walkIn')}`),
          h(
            'button',
            { type: 'button', class: 'big', onclick: () => go({ name: 'checkin' }) },
            `📅 ${t('haveAppointment')}`,
          ),
        ),
        backButton({ name: 'language' }),
      );
      break;
    case 'service':
      body = h(
        'section',
        { class: 'card step' },
        h('h2', { tabindex: -1 }, t('chooseService')),
        h(
          'div',
          { class: 'choices' },
          ...(centre?.services ?? []).map((s) =>
            h(
              'button',
              {
                type: 'button',
                class: 'big service',
                'data-service': s.code,
                onclick: () => go({ name: 'priority', serviceCode: s.code }),
              },
              h('span', { class: 'icon', 'aria-hidden': 'true' }, s.prefix),
              serviceName(s.code),
            ),
          ),
        ),
        backButton({ name: 'mode' }),
      );
      break;
    case 'checkin': {
      const input = h('input', {
        id: 'code',
        name: 'code',
        autocomplete: 'off',
        inputmode: 'text',
        required: true,
        maxlength: 12,
        'aria-describedby': 'checkin-error',
      });
      const error = h('p', { id: 'checkin-error', class: 'error', role: 'alert' });
      body = h(
        'section',
        { class: 'card step' },
        h('h2', { tabindex: -1 }, t('haveAppointment')),
        h(
          'form',
          {
            onsubmit: (e: Event) => {
              e.preventDefault();
              const code = latinDigits(input.value).trim();
              if (code.replace(/[^A-Za-z0-9]/g, '').length !== 8) {
                error.textContent = t('errUnknownAppointment');
                return;
              }
              go({ name: 'priority', appointmentCode: code });
            },
          },
          h('label', { for: 'code' }, t('appointmentCode')),
          input,
          error,
          h('div', { class: 'row' }, h('button', { type: 'submit', class: 'big' }, t('checkIn'))),
        ),
        backButton({ name: 'mode' }),
      );
      break;
    }
    case 'priority': {
      const chosen = step;
      const error = h('p', { class: 'error', role: 'alert' });
      const fieldset = h(
        'fieldset',
        { class: 'priorities' },
        h('legend', {}, t('priority')),
        ...priorityClasses.map((p, i) =>
          h(
            'label',
            { class: 'radio' },
            h('input', { type: 'radio', name: 'priority', value: p, checked: i === 0 }),
            t(`priority${p}`),
          ),
        ),
      );
      const submit = h(
        'button',
        { type: 'submit', class: 'big', id: 'take-ticket' },
        chosen.appointmentCode ? t('checkIn') : t('walkIn'),
      );
      const id = requestId('kiosk'); // one id per ticket attempt: a retried tap returns the same ticket
      body = h(
        'section',
        { class: 'card step' },
        h(
          'h2',
          { tabindex: -1 },
          chosen.serviceCode ? serviceName(chosen.serviceCode) : `${t('appointmentCode')}: ${chosen.appointmentCode}`,
        ),
        h(
          'form',
          {
            onsubmit: (e: Event) => {
              e.preventDefault();
              const priorityClass =
                oneOf(priorityClasses, fieldset.querySelector<HTMLInputElement>('input:checked')?.value) ?? 'NONE';
              void guarded(submit, async () => {
                try {
                  const arrival = await api<Arrival>(`/api/centres/${encodeURIComponent(centreId)}/visits`, {
                    device: token,
                    body: (chosen.serviceCode
                      ? { serviceCode: chosen.serviceCode, priorityClass, requestId: id }
                      : {
                          appointmentCode: chosen.appointmentCode,
                          priorityClass,
                          requestId: id,
                        }) satisfies ArrivalRequest,
                  });
                  go({ name: 'ticket', arrival });
                } catch (err) {
                  error.textContent = refusalMessage(err, screen.lang, { centre, timeZone: centre?.timeZone });
                }
              });
            },
          },
          fieldset,
          error,
          h('div', { class: 'row' }, submit),
        ),
        backButton({ name: chosen.serviceCode ? 'service' : 'checkin' }),
      );
      break;
    }
    case 'ticket': {
      const a = step.arrival;
      const trackUrl = new URL(a.trackingUrl, location.origin);
      trackUrl.searchParams.set('lang', lang); // the phone opens in the language chosen here
      body = h(
        'section',
        { class: 'card step' },
        h(
          'article',
          { class: 'ticket-slip', 'aria-labelledby': 'ticket-title' },
          h('p', { class: 'slip-centre' }, centre ? localName(centre.names, lang, centreId) : t('appName')),
          h('h2', { id: 'ticket-title', tabindex: -1 }, t('yourTicket')),
          h('p', { class: 'ticket-number', 'data-ticket': a.ticket }, ticketText(a.ticket, lang)),
          h('p', {}, serviceName(a.serviceCode)),
          h(
            'p',
            {},
            t('peopleAhead', { n: number(Math.max(0, a.position - 1), lang) }),
            SEPARATOR,
            t('estimatedWait'),
            ': ',
            t('minutes', { n: number(a.estimatedWaitMinutes, lang) }),
          ),
          h('img', {
            class: 'qr',
            src: `/api/track/${encodeURIComponent(a.trackingToken)}/qr.svg?lang=${encodeURIComponent(lang)}`,
            width: 160,
            height: 160,
            alt: t('scanToFollow'),
          }),
          h('p', { class: 'small' }, t('scanToFollow')),
          h(
            'p',
            { class: 'small' },
            `${jalaliDate(a.arrivedAt, lang, centre?.timeZone)} ${time(a.arrivedAt, lang, centre?.timeZone)}`,
          ),
          h('p', { class: 'keep' }, t('keepTicket')),
          h('a', { class: 'track-link', href: trackUrl.toString() }, trackUrl.toString()),
        ),
        h(
          'div',
          { class: 'row no-print' },
          h('button', { type: 'button', class: 'big', onclick: () => window.print() }, `🖨 ${t('print')}`),
          h('button', { type: 'button', class: 'big secondary', onclick: () => go({ name: 'language' }) }, t('done')),
        ),
      );
      break;
    }
  }
  replace(app, header, h('main', {}, body));
}

screen.onLang(render);
for (const type of ['pointerdown', 'keydown', 'input']) document.addEventListener(type, armReset);
render();
api<Centre>(`/api/centres/${encodeURIComponent(centreId)}`)
  .then((c) => {
    centre = c;
    render();
  })
  .catch(() => {});
