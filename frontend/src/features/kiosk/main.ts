import '../../styles/base.css';
import './kiosk.css';
import {
  api,
  ApiError,
  deviceToken,
  oneOf,
  priorityClasses,
  requestId,
  type Arrival,
  type ArrivalRequest,
  type AppointmentResponse,
  type Centre,
  type DisplayView,
  type HolidayView,
} from '../../lib/api';
import { serviceName as serviceNameIn } from '../../lib/centre';
import { byId, guarded, h, replace } from '../../lib/dom';
import { digits, jalaliDate, number, SEPARATOR, ticket as ticketText, time, waitText } from '../../lib/format';
import { direction, LANG_NAMES, LANGS, localName, translate, type Lang } from '../../lib/i18n';
import { param, Screen } from '../../lib/page';
import { refusalMessage } from '../../lib/problems';
import { localClock, openness, type Openness } from './hours';
import { pictogram, PRIORITY_PICTOGRAMS, servicePictogram, type Pictogram } from './pictograms';
import { bookingCode, startScanner, type Scanner } from './scan';

// The kiosk: language, service, walk-in or check-in, priority; a printed ticket with a QR code to
// the visitor's tracking page. ?centre=…&device_token=… (the kiosk's token, issued by an
// administrator). Run as a kiosk, Chromium prints the ticket by itself (README, "The kiosk").

const screen = new Screen();
const centreId = param('centre') ?? 'persian-gulf';
const token = deviceToken();
const autoPrint = param('autoprint') !== 'off';
const app = byId('app');
let centre: Centre | null = null;
let holidays: HolidayView[] = [];
let display: DisplayView | null = null;
let resetTimer: number | undefined;
/** The camera of the check-in step: one per visit of the step, kept across re-renders. */
let camera: { step: Step; video: HTMLVideoElement; scanner?: Scanner } | null = null;

type Step =
  | { name: 'language' }
  | { name: 'mode' }
  | { name: 'service' }
  | { name: 'checkin'; camera?: boolean; error?: string; code?: string }
  | { name: 'priority'; serviceCode?: string; appointment?: AppointmentResponse }
  | { name: 'ticket'; arrival: Arrival };
let step: Step = { name: 'language' };

/** Back to the start when nobody touches the kiosk: the next visitor never sees a half-made choice. */
function armReset(): void {
  window.clearTimeout(resetTimer);
  if (step.name !== 'language')
    resetTimer = window.setTimeout(() => go({ name: 'language' }), step.name === 'ticket' ? 60_000 : 90_000);
}

function go(next: Step): void {
  camera?.scanner?.stop();
  camera = null;
  step = next;
  armReset();
  render();
  app.querySelector<HTMLElement>('h2, [autofocus]')?.focus();
  if (step.name === 'service') void refreshQueues();
}

const serviceName = (code: string) => serviceNameIn(centre, code, screen.lang);

function backButton(to: Step): HTMLElement {
  return h(
    'button',
    { type: 'button', class: 'secondary back', onclick: () => go(to) },
    pictogram('back'),
    screen.t('back'),
  );
}

/** A big touch target: a pictogram beside its text label. */
function bigButton(icon: Pictogram, label: string | Node, attrs: Record<string, unknown>): HTMLButtonElement {
  return h('button', { type: 'button', class: 'big', ...attrs }, pictogram(icon), h('span', { class: 'label' }, label));
}

function now(): Date {
  return new Date();
}

type Closed = Exclude<Openness, { open: true }>;

function closedNow(): Closed | null {
  if (!centre) return null;
  const state = openness(centre, holidays, now());
  return state.open ? null : state;
}

function closedText(state: Closed, lang: Lang): string {
  if (state.holiday) return translate(lang, 'kioskClosedHoliday', { holiday: localName(state.holiday, lang) });
  if (state.today.length === 0) return translate(lang, 'kioskClosedAllDay');
  const hours = state.today
    .map((p) => translate(lang, 'kioskHoursRange', { opens: digits(p.opens, lang), closes: digits(p.closes, lang) }))
    .join(lang === 'en' ? ', ' : '، ');
  return translate(lang, 'kioskClosedNow', { hours });
}

/** The visitor has not chosen a language yet: the screen's own first, then the other three. */
function inEveryLanguage(text: (lang: Lang) => string, tag: 'p' | 'span' = 'p'): HTMLElement[] {
  const order = [screen.lang, ...LANGS.filter((l) => l !== screen.lang)];
  // Dari often reads as Persian does: a sentence is shown once
  const shown = order.filter((l, i) => order.findIndex((o) => text(o) === text(l)) === i);
  return shown.map((l) => h(tag, { lang: l, dir: direction(l), class: l === screen.lang ? 'first' : '' }, text(l)));
}

async function refreshQueues(): Promise<void> {
  if (!token) return;
  try {
    display = await api<DisplayView>(`/api/centres/${encodeURIComponent(centreId)}/display`, { device: token });
    if (step.name === 'service') render();
  } catch {
    // the counts are a help, not a condition: the service buttons work without them
  }
}

function queueLine(code: string): HTMLElement | null {
  const line = display?.services.find((s) => s.serviceCode === code);
  if (!line) return null;
  const t = screen.t;
  const lang = screen.lang;
  return h(
    'span',
    { class: 'queue', 'data-waiting': line.waiting, 'data-wait': line.estimatedWaitMinutes },
    // with no one waiting there is no wait to promise: the next visitor is served as a desk is free
    ...(line.waiting === 0
      ? [t('kioskNoneWaiting')]
      : [
          t('kioskWaitingCount', { n: number(line.waiting, lang) }),
          SEPARATOR,
          // "about" belongs to one figure; a range or "no desk" says its own uncertainty
          line.estimatedWait.known && line.estimatedWait.lowMinutes === line.estimatedWait.highMinutes
            ? t('kioskWaitAbout', { n: number(line.estimatedWait.minutes, lang) })
            : waitText(line.estimatedWait, t, lang),
        ]),
  );
}

/** Checks a booking code before the priority step: unknown, elsewhere, ended, too early or too late. */
async function lookUp(code: string): Promise<AppointmentResponse> {
  const a = await api<AppointmentResponse>(`/api/appointments/${encodeURIComponent(code)}`);
  const at = now().getTime();
  if (a.centreId !== centreId) throw new ApiError(409, { code: 'wrong-centre' });
  if (a.status === 'MISSED' || (a.status === 'BOOKED' && at > Date.parse(a.checkInCloses)))
    throw new ApiError(409, { code: 'check-in-too-late', closedAt: a.checkInCloses });
  if (a.status !== 'BOOKED' && a.status !== 'CHECKED_IN')
    throw new ApiError(409, { code: 'appointment-ended', state: a.status.toLowerCase().replace('_', ' ') });
  if (a.status === 'BOOKED' && at < Date.parse(a.checkInOpens))
    throw new ApiError(409, { code: 'check-in-too-early', opensAt: a.checkInOpens });
  return a;
}

/** A code read by the camera: on to the priority step, or back to the keys with the code and what is wrong. */
async function scanned(code: string): Promise<void> {
  const at = step;
  try {
    const appointment = await lookUp(code);
    if (step === at) go({ name: 'priority', appointment });
  } catch (err) {
    if (step === at)
      go({ name: 'checkin', code, error: refusalMessage(err, screen.lang, { centre, timeZone: centre?.timeZone }) });
  }
}

const KEYS = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'; // the booking code's letters (BookingCode.ALPHABET)

function checkinStep(chosen: Extract<Step, { name: 'checkin' }>): HTMLElement {
  const t = screen.t;
  const input = h('input', {
    id: 'code',
    name: 'code',
    autocomplete: 'off',
    // the on-screen keys below: the system keyboard would likely be Persian
    inputmode: 'none',
    required: true,
    maxlength: 12,
    dir: 'ltr',
    'aria-describedby': 'checkin-error',
  });
  input.value = chosen.code ?? '';
  const error = h('p', { id: 'checkin-error', class: 'error', role: 'alert' }, chosen.error ?? '');
  const submit = h('button', { type: 'submit', class: 'big', id: 'check-code' }, t('checkIn'));
  const check = (typed: string) =>
    guarded(submit, async () => {
      const code = bookingCode(typed);
      if (!code) {
        error.textContent = refusalMessage(new ApiError(400, { code: 'malformed-booking-code' }), screen.lang);
        return;
      }
      try {
        go({ name: 'priority', appointment: await lookUp(code) });
      } catch (err) {
        error.textContent = refusalMessage(err, screen.lang, { centre, timeZone: centre?.timeZone });
      }
    });
  const type = (key: string) => {
    const compact = input.value.replace(/[^0-9A-Za-z]/g, '');
    if (compact.length >= 8) return;
    const next = compact + key;
    input.value = next.length > 4 ? `${next.slice(0, 4)}-${next.slice(4)}` : next;
    error.textContent = '';
  };
  const keypad = h(
    'div',
    { class: 'keypad', dir: 'ltr', role: 'group', 'aria-label': t('kioskTypeCode') },
    ...[...KEYS].map((k) => h('button', { type: 'button', class: 'key', 'data-key': k, onclick: () => type(k) }, k)),
    h(
      'button',
      {
        type: 'button',
        class: 'key wide secondary',
        'data-key': 'delete',
        onclick: () => {
          const compact = input.value.replace(/[^0-9A-Za-z]/g, '').slice(0, -1);
          input.value = compact.length > 4 ? `${compact.slice(0, 4)}-${compact.slice(4)}` : compact;
        },
      },
      t('kioskDelete'),
    ),
    h(
      'button',
      { type: 'button', class: 'key wide secondary', 'data-key': 'clear', onclick: () => (input.value = '') },
      t('kioskClear'),
    ),
  );
  let cameraView: HTMLElement;
  if (chosen.camera) {
    if (camera?.step !== chosen) {
      // started once: a later render (the centre arriving, say) shows the same video
      const video = h('video', { class: 'camera', playsinline: true, muted: true, 'aria-hidden': 'true' });
      const own = { step: chosen as Step, video } as NonNullable<typeof camera>;
      camera = own;
      startScanner(video, (code) => void scanned(code))
        .then((s) => {
          if (camera === own) own.scanner = s;
          else s.stop();
        })
        .catch(() => {
          if (camera === own) go({ name: 'checkin', error: t('kioskNoCamera') });
        });
    }
    cameraView = h(
      'div',
      { class: 'scan' },
      camera.video,
      h('p', { class: 'scan-hint', role: 'status' }, t('kioskScanHint')),
      bigButton('keypad', t('kioskTypeCode'), { class: 'big secondary', onclick: () => go({ name: 'checkin' }) }),
    );
  } else {
    cameraView = bigButton('camera', t('kioskScanCode'), {
      class: 'big secondary',
      id: 'scan',
      onclick: () => go({ name: 'checkin', camera: true }),
    });
  }
  return h(
    'section',
    { class: 'card step' },
    h('h2', { tabindex: -1 }, t('haveAppointment')),
    cameraView,
    h(
      'form',
      {
        onsubmit: (e: Event) => {
          e.preventDefault();
          void check(input.value);
        },
      },
      h('label', { for: 'code' }, t('appointmentCode')),
      input,
      error,
      chosen.camera ? null : keypad,
      h('div', { class: 'row' }, submit),
    ),
    backButton({ name: 'mode' }),
  );
}

/** Prints the slip once its QR code has loaded (Chromium's --kiosk-printing sends it straight to the printer). */
function printWhenReady(slip: HTMLElement, arrival: Arrival): void {
  const qr = slip.querySelector<HTMLImageElement>('img.qr');
  let printed = false;
  const print = () => {
    if (printed || step.name !== 'ticket' || step.arrival !== arrival) return;
    printed = true;
    window.print();
  };
  if (!qr || qr.complete) window.setTimeout(print, 100);
  else {
    qr.addEventListener('load', () => window.setTimeout(print, 100), { once: true });
    qr.addEventListener('error', print, { once: true });
    window.setTimeout(print, 3_000); // a slow QR code delays the slip, never stops it
  }
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
  const closed = closedNow();
  let body: HTMLElement;
  if (closed && step.name !== 'ticket') {
    step = { name: 'language' };
    body = h(
      'section',
      { class: 'card step closed', 'data-closed': closed.holiday ? 'holiday' : 'hours' },
      pictogram('clock', 'pictogram huge'),
      h('h2', { tabindex: -1, class: 'closed-now' }, closedText(closed, lang)),
      h('div', { class: 'closed-others' }, ...inEveryLanguage((l) => closedText(closed, l)).slice(1)),
      h('p', { class: 'no-ticket' }, t('kioskNoTicketNow')),
    );
    replace(app, header, h('main', {}, body));
    return;
  }
  switch (step.name) {
    case 'language':
      body = h(
        'section',
        { class: 'card step' },
        h('h2', { tabindex: -1, class: 'welcome' }, ...inEveryLanguage((l) => translate(l, 'kioskWelcome'), 'span')),
        h(
          'div',
          { class: 'choices languages' },
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
          bigButton('ticket', t('walkIn'), { onclick: () => go({ name: 'service' }) }),
          bigButton('calendar', t('haveAppointment'), { onclick: () => go({ name: 'checkin' }) }),
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
          { class: 'choices services' },
          ...(centre?.services ?? []).map((s) =>
            h(
              'button',
              {
                type: 'button',
                class: 'big service',
                'data-service': s.code,
                onclick: () => go({ name: 'priority', serviceCode: s.code }),
              },
              pictogram(servicePictogram(s.code)),
              h('span', { class: 'label' }, h('span', { class: 'name' }, serviceName(s.code)), queueLine(s.code)),
              h('span', { class: 'prefix', 'aria-hidden': 'true' }, s.prefix),
            ),
          ),
        ),
        backButton({ name: 'mode' }),
      );
      break;
    case 'checkin':
      body = checkinStep(step);
      break;
    case 'priority': {
      const chosen = step;
      const appointment = chosen.appointment;
      const error = h('p', { class: 'error', role: 'alert' });
      const fieldset = h(
        'fieldset',
        { class: 'priorities' },
        h('legend', {}, t('priority')),
        ...priorityClasses.map((p, i) =>
          h(
            'label',
            { class: 'radio', 'data-priority': p },
            h('input', { type: 'radio', name: 'priority', value: p, checked: i === 0 }),
            pictogram(PRIORITY_PICTOGRAMS[p]),
            h('span', {}, t(`priority${p}`)),
          ),
        ),
      );
      const submit = h(
        'button',
        { type: 'submit', class: 'big', id: 'take-ticket' },
        appointment ? t('checkIn') : t('walkIn'),
      );
      const id = requestId('kiosk'); // one id per ticket attempt: a retried tap returns the same ticket
      // walk-ins only (a booking has its phone already): optional, and says what it is for and for how long
      const phone = chosen.serviceCode
        ? h('input', {
            id: 'walk-in-phone',
            type: 'tel',
            inputmode: 'tel',
            autocomplete: 'off',
            dir: 'ltr',
            'aria-describedby': 'walk-in-phone-why',
          })
        : null;
      const phoneField = phone
        ? h(
            'div',
            { class: 'field phone-field' },
            h('label', { for: 'walk-in-phone' }, t('kioskPhoneLabel')),
            phone,
            h('p', { id: 'walk-in-phone-why', class: 'small' }, t('kioskPhoneWhy')),
          )
        : null;
      body = h(
        'section',
        { class: 'card step' },
        h(
          'h2',
          { tabindex: -1 },
          chosen.serviceCode ? serviceName(chosen.serviceCode) : `${t('kioskCodeFound')}: ${appointment?.code ?? ''}`,
        ),
        // a booking shows only its code, service and time: never the visitor's phone or identity
        appointment
          ? h(
              'p',
              { class: 'booking' },
              serviceName(appointment.serviceCode),
              SEPARATOR,
              time(appointment.startsAt, lang, centre?.timeZone),
            )
          : null,
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
                      ? {
                          serviceCode: chosen.serviceCode,
                          priorityClass,
                          requestId: id,
                          ...(phone && phone.value.trim() ? { phone: phone.value.trim(), language: lang } : {}),
                        }
                      : {
                          appointmentCode: appointment?.code,
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
          phoneField,
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
      const slip = h(
        'article',
        { class: 'ticket-slip', 'aria-labelledby': 'ticket-title' },
        h('p', { class: 'slip-centre' }, centre ? localName(centre.names, lang, centreId) : t('appName')),
        h('h2', { id: 'ticket-title', tabindex: -1 }, t('yourTicket')),
        h('p', { class: 'ticket-number', 'data-ticket': a.ticket }, ticketText(a.ticket, lang)),
        h('p', {}, serviceName(a.serviceCode)),
        // the class the visitor asked for, so that a desk clerk and the visitor see the same thing
        a.priorityClass === 'NONE'
          ? null
          : h(
              'p',
              { class: 'slip-priority', 'data-priority': a.priorityClass },
              pictogram(PRIORITY_PICTOGRAMS[a.priorityClass], 'pictogram small'),
              `${t('priority')}: ${t(`priority${a.priorityClass}`)}`,
            ),
        h(
          'p',
          {},
          a.position <= 1 ? t('youAreNext') : t('peopleAhead', { n: number(a.position - 1, lang) }),
          SEPARATOR,
          t('estimatedWait'),
          ': ',
          h('span', { 'data-eta': a.estimatedWaitMinutes }, waitText(a.estimatedWait, t, lang)),
        ),
        // the QR, never a link: a tap on a public kiosk must not open the visitor's own page there
        h('img', {
          class: 'qr',
          'data-track-url': trackUrl.toString(),
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
      );
      body = h(
        'section',
        { class: 'card step' },
        slip,
        autoPrint ? h('p', { class: 'printing no-print', role: 'status' }, t('kioskPrinting')) : null,
        h(
          'div',
          { class: 'row no-print' },
          bigButton('printer', autoPrint ? t('kioskPrintAgain') : t('print'), {
            id: 'print-again',
            onclick: () => window.print(),
          }),
          h('button', { type: 'button', class: 'big secondary', onclick: () => go({ name: 'language' }) }, t('done')),
        ),
      );
      if (autoPrint) printWhenReady(slip, a);
      break;
    }
  }
  replace(app, header, h('main', {}, body));
}

screen.onLang(render);
for (const type of ['pointerdown', 'keydown', 'input']) document.addEventListener(type, armReset);
render();
// opening hours are rechecked each minute: the first screen turns to "closed" at closing time
window.setInterval(() => {
  if (step.name === 'language') render();
}, 60_000);
window.setInterval(() => {
  if (step.name === 'service') void refreshQueues();
}, 30_000);
api<Centre>(`/api/centres/${encodeURIComponent(centreId)}`)
  .then((c) => {
    centre = c;
    render();
    // holidays from the kiosk's today in the centre's zone (the server's list starts at its own today)
    const today = localClock(now(), c.timeZone).date;
    return api<HolidayView[]>(`/api/centres/${encodeURIComponent(centreId)}/holidays?from=${today}`);
  })
  .then((list) => {
    holidays = list;
    render();
  })
  .catch(() => {});
