import '../../styles/base.css';
import './booking.css';
import {
  api,
  ApiError,
  identityTypes,
  oneOf,
  type AppointmentResponse as Appointment,
  type AvailabilityResponse,
  type BookRequest,
  type Centre,
  type DayAvailability,
  type RescheduleRequest,
  type SlotsResponse as Slots,
} from '../../lib/api';
import { serviceName as serviceNameIn } from '../../lib/centre';
import { byId, guarded, h, preserving, replace } from '../../lib/dom';
import {
  digits,
  jalaliDay,
  jalaliMonthTitle,
  latinDigits,
  number,
  SEPARATOR,
  time,
  todayIn,
  weekdayName,
} from '../../lib/format';
import { localName, type MessageKey } from '../../lib/i18n';
import { param, Screen } from '../../lib/page';
import { fillRefusal, isRefusalCode, refusalMessage } from '../../lib/problems';
import { monthContaining, nextMonth, previousMonth, type JalaliMonth } from './calendar';
import { icsFile } from './ics';

// Booking: centre, service, a day in the Solar Hijri calendar, a free slot, identity and phone;
// then the booking code and its QR. A booking can be read, moved or cancelled by its code.

const screen = new Screen();
const app = byId('app');
let centres: Centre[] = [];
let centreId = param('centre') ?? '';
let serviceCode = '';
let day = '';
let month: JalaliMonth | null = null;
let slots: Slots | null = null;
let chosenSlot = '';
let booked: Appointment | null = null;
let found: Appointment | null = null;
let moving = false;
type Field = 'identity' | 'phone' | 'slot' | 'form';
/** Refusals of the booking form, each by the field it concerns (identity, phone, the time), else by the book button. */
let errors: Partial<Record<Field, string>> = {};
/** A refusal of "find my booking", shown by the code field. */
let findError = '';
/** A refusal of moving or cancelling, shown by those buttons. */
let actionError = '';
let confirmingCancel = false;
/** The marked days of the month shown, keyed by centre, service and the month's first day. */
let marked = new Map<string, DayAvailability>();
let markedKey = '';
/** A booking is on its way: a re-rendered form must not send another. */
let booking = false;

const centre = () => centres.find((c) => c.centreId === centreId) ?? null;
const serviceName = (code: string) => serviceNameIn(centre(), code, screen.lang);

let slotRequests = 0;

async function loadSlots(): Promise<void> {
  slots = null;
  chosenSlot = '';
  if (!centreId || !serviceCode || !day) return render();
  const mine = ++slotRequests;
  const asked = day;
  try {
    const answer = await api<Slots>(
      `/api/centres/${encodeURIComponent(centreId)}/services/${encodeURIComponent(serviceCode)}/slots?date=${asked}`,
    );
    if (mine !== slotRequests) return; // another day was chosen meanwhile: its answer decides
    slots = answer;
    errors = {};
  } catch (e) {
    if (mine !== slotRequests) return;
    errors = { slot: refusalMessage(e, screen.lang, { centre: centre(), timeZone: centre()?.timeZone }) };
  }
  render();
}

/** One request per month shown: every day marked before a tap. */
async function loadMarks(m: JalaliMonth): Promise<void> {
  const key = `${centreId}/${serviceCode}/${m.days[0]}`;
  if (key === markedKey || !centreId || !serviceCode) return;
  markedKey = key;
  marked = new Map();
  try {
    const answer = await api<AvailabilityResponse>(
      `/api/centres/${encodeURIComponent(centreId)}/services/${encodeURIComponent(serviceCode)}/days?from=${m.days[0]}&to=${m.days[m.days.length - 1]}`,
    );
    if (key !== markedKey) return; // another month or service meanwhile
    marked = new Map(answer.days.map((d) => [d.date, d]));
    render();
  } catch {
    // unmarked days stay tappable: the slot list then says why a day has no time
  }
}

/** Why a day cannot be booked, in the visitor's language; null when it can (or is not known yet). */
function dayReason(iso: string, today: string): string | null {
  const t = screen.t;
  const mark = marked.get(iso);
  if (!mark) return iso < today ? t('dayPast') : null;
  switch (mark.state) {
    case 'OPEN':
      return null;
    case 'PAST':
      return t('dayPast');
    case 'HOLIDAY':
      return t('dayHoliday', { name: localName(mark.holidayNames ?? undefined, screen.lang) });
    case 'BEYOND_HORIZON':
      return t('dayBeyondHorizon');
    case 'FULL':
      return t('dayFull');
    case 'NO_APPOINTMENTS':
      return t('dayWalkInsOnly');
    default:
      return t('dayClosedWeekday');
  }
}

function fieldError(field: Field): HTMLElement | null {
  const message = errors[field];
  if (!message) return null;
  return h('p', { class: 'error', role: 'alert', id: `error-${field}` }, message);
}

/** The field a refusal of the booking form concerns, by its JSON pointer or its code. */
function fieldOf(pointer: string, code: string): Field {
  if (pointer.startsWith('/phone') || code.startsWith('phone')) return 'phone';
  if (pointer.startsWith('/identity') || code.startsWith('identity')) return 'identity';
  if (code.startsWith('slot') || code === 'holiday' || code === 'no-slots' || code === 'beyond-horizon') return 'slot';
  return 'form';
}

/** Every wrong field of a refusal by that field (the server names them all at once), in the visitor's language. */
function refusalsByField(e: unknown): Partial<Record<Field, string>> {
  const context = { centre: centre(), timeZone: centre()?.timeZone };
  const message = refusalMessage(e, screen.lang, context);
  if (!(e instanceof ApiError)) return { form: message };
  const listed = Array.isArray(e.problem.errors) ? (e.problem.errors as Record<string, unknown>[]) : [];
  const byField: Partial<Record<Field, string>> = {};
  for (const each of listed) {
    const code = each.code;
    if (!isRefusalCode(code)) continue;
    const field = fieldOf(typeof each.pointer === 'string' ? each.pointer : '', code);
    byField[field] ??= fillRefusal(code, each, screen.lang, context);
  }
  if (Object.keys(byField).length > 0) return byField;
  const pointer = typeof e.problem.field === 'string' ? e.problem.field : '';
  return { [fieldOf(pointer, e.code)]: message };
}

function calendar(): HTMLElement {
  const t = screen.t;
  const lang = screen.lang;
  const today = todayIn(centre()?.timeZone ?? 'Asia/Tehran');
  month ??= monthContaining(day || today);
  const m = month;
  void loadMarks(m);
  const title = jalaliMonthTitle(m.days[0], lang);
  const weekdays = Array.from({ length: 7 }, (_, i) => weekdayName(i, lang, true));
  return h(
    'div',
    { class: 'calendar', role: 'group', 'aria-label': t('date') },
    h(
      'div',
      { class: 'calendar-head' },
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          'aria-label': t('prevMonth'),
          onclick: () => {
            month = previousMonth(m);
            render();
          },
        },
        lang === 'en' ? '‹' : '›',
      ),
      h('strong', { 'aria-live': 'polite' }, title),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          'aria-label': t('nextMonth'),
          onclick: () => {
            month = nextMonth(m);
            render();
          },
        },
        lang === 'en' ? '›' : '‹',
      ),
    ),
    h(
      'div',
      { class: 'calendar-grid' },
      ...weekdays.map((w) => h('span', { class: 'weekday', 'aria-hidden': 'true' }, w)),
      ...Array.from({ length: m.leadingBlanks }, () => h('span', {})),
      ...m.days.map((iso, i) => {
        const reason = dayReason(iso, today);
        return h(
          'button',
          {
            type: 'button',
            class: `day${iso === day ? ' chosen' : ''}${reason ? ` unavailable ${dayLook(iso, today)}` : ''}`,
            'data-date': iso,
            'data-state': marked.get(iso)?.state ?? null,
            disabled: reason !== null,
            title: reason,
            'aria-pressed': iso === day ? 'true' : 'false',
            'aria-label': reason ? `${jalaliDay(iso, lang)}${SEPARATOR}${reason}` : jalaliDay(iso, lang),
            onclick: () => {
              day = iso;
              void loadSlots();
            },
          },
          number(i + 1, lang),
        );
      }),
    ),
    legend(m, today),
    holidayNotes(m),
  );
}

type DayLook = 'past' | 'closed' | 'holiday' | 'full' | 'later' | 'walkin';

/** How an unbookable day looks: a past day is only dimmed, a closed one struck through, and so on. */
function dayLook(iso: string, today: string): DayLook {
  const state = marked.get(iso)?.state ?? (iso < today ? 'PAST' : 'CLOSED');
  switch (state) {
    case 'PAST':
      return 'past';
    case 'HOLIDAY':
      return 'holiday';
    case 'FULL':
      return 'full';
    case 'BEYOND_HORIZON':
      return 'later';
    case 'NO_APPOINTMENTS':
      return 'walkin';
    default:
      return 'closed';
  }
}

const LEGEND: Record<DayLook, MessageKey> = {
  past: 'dayPast',
  closed: 'dayClosedWeekday',
  holiday: 'dayHolidayLegend',
  full: 'dayFull',
  later: 'dayBeyondHorizon',
  walkin: 'dayWalkInsOnly',
};

/** What each look of the month's unbookable days means, for those the month shows. */
function legend(m: JalaliMonth, today: string): HTMLElement | null {
  const shown = new Set(m.days.filter((iso) => dayReason(iso, today) !== null).map((iso) => dayLook(iso, today)));
  if (!shown.size) return null;
  return h(
    'ul',
    { class: 'calendar-legend' },
    ...(Object.keys(LEGEND) as DayLook[])
      .filter((look) => shown.has(look))
      .map((look) =>
        h(
          'li',
          { 'data-legend': look },
          h('span', { class: `swatch day unavailable ${look}`, 'aria-hidden': 'true' }, number(7, screen.lang)),
          screen.t(LEGEND[look]),
        ),
      ),
  );
}

/** The month's holidays by name, as text under the grid: a mark is never colour alone. */
function holidayNotes(m: JalaliMonth): HTMLElement | null {
  const holidays = m.days.filter((iso) => marked.get(iso)?.state === 'HOLIDAY');
  if (!holidays.length) return null;
  return h(
    'ul',
    { class: 'calendar-notes' },
    ...holidays.map((iso) =>
      h(
        'li',
        { 'data-holiday': iso },
        `${jalaliDay(iso, screen.lang, false)}${SEPARATOR}${localName(marked.get(iso)?.holidayNames ?? undefined, screen.lang)}`,
      ),
    ),
  );
}

/** The free times of the chosen day, one list for booking and for moving. */
function slotPicker(): HTMLElement | null {
  const t = screen.t;
  const lang = screen.lang;
  if (!slots) return null;
  const free = slots.slots.filter((s) => s.bookable);
  if (free.length === 0) {
    const mark = marked.get(slots.date);
    // the reason in the visitor's language: a holiday by its own name, otherwise "no free time"
    const why =
      mark?.state === 'HOLIDAY'
        ? t('dayHoliday', { name: localName(mark.holidayNames ?? undefined, lang) })
        : mark?.state === 'FULL'
          ? t('dayFull')
          : t('noSlots');
    return h('p', { class: 'notice' }, why);
  }
  return h(
    'div',
    { class: 'slots', role: 'radiogroup', 'aria-label': t('freeSlots') },
    ...free.map((s) =>
      h(
        'button',
        {
          type: 'button',
          role: 'radio',
          'aria-checked': s.start === chosenSlot ? 'true' : 'false',
          class: `slot${s.start === chosenSlot ? ' chosen' : ''}`,
          'data-slot': s.start,
          onclick: () => {
            chosenSlot = s.start;
            render();
          },
        },
        h('strong', {}, digits(s.start, lang)),
        h('small', {}, t('seatsLeft', { n: number(s.free, lang) })),
      ),
    ),
  );
}

function bookingForm(): HTMLElement {
  const t = screen.t;
  const lang = screen.lang;
  const c = centre();
  const centreSelect = h(
    'select',
    {
      id: 'centre',
      name: 'centre',
      'data-keep': 'false',
      onchange: (e: Event) => {
        centreId = (e.target as HTMLSelectElement).value;
        serviceCode = '';
        void loadSlots();
      },
    },
    h('option', { value: '' }, '—'),
    ...centres.map((x) =>
      h('option', { value: x.centreId, selected: x.centreId === centreId }, localName(x.names, lang, x.centreId)),
    ),
  );
  const serviceSelect = h(
    'select',
    {
      id: 'service',
      name: 'service',
      'data-keep': 'false',
      onchange: (e: Event) => {
        serviceCode = (e.target as HTMLSelectElement).value;
        void loadSlots();
      },
    },
    h('option', { value: '' }, '—'),
    ...(c?.services ?? []).map((s) =>
      h('option', { value: s.code, selected: s.code === serviceCode }, serviceName(s.code)),
    ),
  );
  // while a booking is being moved, its one calendar and slot list are in "find my booking"
  const slotList = moving ? null : slotPicker();
  const idType = h(
    'select',
    { id: 'identity-type', name: 'identityType' },
    ...identityTypes.map((x) => h('option', { value: x }, t(`id${x}`))),
  );
  const idNumber = h('input', {
    id: 'identity-number',
    name: 'identityNumber',
    'aria-invalid': errors.identity ? 'true' : null,
    'aria-describedby': errors.identity ? 'error-identity' : null,
    inputmode: 'numeric',
    autocomplete: 'off',
    required: true,
    dir: 'ltr',
  });
  const phone = h('input', {
    id: 'phone',
    name: 'phone',
    'aria-invalid': errors.phone ? 'true' : null,
    'aria-describedby': errors.phone ? 'error-phone' : null,
    type: 'tel',
    inputmode: 'tel',
    autocomplete: 'tel',
    required: true,
    dir: 'ltr',
  });
  const submit = h('button', { type: 'submit', id: 'book', disabled: !chosenSlot || booking || moving }, t('book'));
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'book-title' },
    h('h2', { id: 'book-title' }, t('bookTitle')),
    h(
      'form',
      {
        onsubmit: (e: Event) => {
          e.preventDefault();
          const identityType = oneOf(identityTypes, idType.value); // always one: the select offers no other
          if (booking || !identityType) return;
          booking = true;
          void guarded(submit, async () => {
            try {
              booked = await api<Appointment>('/api/appointments', {
                body: {
                  centreId,
                  serviceCode,
                  date: day,
                  slot: chosenSlot,
                  identityType,
                  identityNumber: latinDigits(idNumber.value).trim(),
                  phone: latinDigits(phone.value).trim(),
                  language: lang,
                } satisfies BookRequest,
              });
              errors = {};
            } catch (err) {
              errors = refusalsByField(err);
            }
            booking = false;
            render();
            // the keyboard and the screen reader go to the first field to mend
            const first = errors.identity ? '#identity-number' : errors.phone ? '#phone' : null;
            if (first) document.querySelector<HTMLElement>(first)?.focus();
          });
        },
      },
      h(
        'div',
        { class: 'row' },
        h('div', {}, h('label', { for: 'centre' }, t('centre')), centreSelect),
        h('div', {}, h('label', { for: 'service' }, t('service')), serviceSelect),
      ),
      centreId && serviceCode && !moving
        ? h('div', {}, h('p', { class: 'label' }, t('date'), day ? `: ${jalaliDay(day, lang)}` : ''), calendar())
        : null,
      slotList ? h('div', {}, h('p', { class: 'label' }, t('freeSlots')), slotList) : null,
      moving ? null : fieldError('slot'),
      chosenSlot && !moving
        ? h(
            'div',
            { class: 'grid' },
            h('div', {}, h('label', { for: 'identity-type' }, t('identityType')), idType),
            h('div', {}, h('label', { for: 'identity-number' }, t('identityNumber')), idNumber, fieldError('identity')),
            h('div', {}, h('label', { for: 'phone' }, t('phone')), phone, fieldError('phone')),
          )
        : null,
      fieldError('form'),
      h('div', { class: 'row' }, submit),
    ),
  );
}

function centreOf(a: Appointment): Centre | undefined {
  return centres.find((c) => c.centreId === a.centreId);
}

/** The time of day a booking's check-in opens or closes, in the centre's zone. */
function clock(at: string, a: Appointment): string {
  return time(at, screen.lang, centreOf(a)?.timeZone);
}

function appointmentCard(a: Appointment, title: string, heading: 'h2' | 'h3' = 'h3'): HTMLElement {
  const t = screen.t;
  const lang = screen.lang;
  const c = centreOf(a);
  const active = a.status === 'BOOKED';
  const address = localName(c?.address ?? undefined, lang);
  const documents = (c?.documents ?? []).find((d) => d.serviceCode === a.serviceCode)?.items ?? [];
  return h(
    'article',
    { class: 'appointment', 'data-code': a.code, 'data-status': a.status },
    h(heading, { class: 'appointment-title' }, title),
    h('p', { class: 'code', dir: 'ltr' }, a.code),
    // a code that no longer books anything is not worth keeping
    active ? h('p', {}, t('keepCode')) : null,
    a.status === 'CANCELLED' ? h('p', { class: 'notice', 'data-cancelled': '' }, t('bookingCancelled')) : null,
    h(
      'dl',
      {},
      h('dt', {}, t('service')),
      h('dd', {}, serviceNameIn(c, a.serviceCode, lang)),
      h('dt', {}, t('date')),
      h('dd', {}, `${jalaliDay(a.date, lang)}${SEPARATOR}${digits(a.slot, lang)}`),
      active ? h('dt', {}, t('checkIn')) : null,
      active
        ? h(
            'dd',
            { 'data-check-in': '' },
            t('checkInWindow', { from: clock(a.checkInOpens, a), to: clock(a.checkInCloses, a) }),
          )
        : null,
      h('dt', {}, t('bookingStatus')),
      h('dd', { class: 'status' }, t(`status${a.status}`) || a.status),
      h('dt', {}, t('phone')),
      h('dd', { dir: 'ltr' }, digits(a.phone ?? '', lang)),
      address ? h('dt', {}, t('centreAddress')) : null,
      address ? h('dd', { 'data-address': '' }, address) : null,
    ),
    active && documents.length
      ? h(
          'div',
          { class: 'documents' },
          h('p', { class: 'label' }, t('documentsToBring')),
          h('ul', {}, ...documents.map((d) => h('li', {}, localName(d, lang)))),
        )
      : null,
    active ? h('img', { src: a.qrUrl, width: 180, height: 180, alt: `${t('bookingCode')} ${a.code}` }) : null,
    active ? keepControls(a) : null,
  );
}

/** Ways to keep the code: print the page, share it, or a calendar file. */
function keepControls(a: Appointment): HTMLElement {
  const t = screen.t;
  const lang = screen.lang;
  const c = centreOf(a);
  const centreName = localName(c?.names, lang, a.centreId);
  const when = `${jalaliDay(a.date, lang)}${SEPARATOR}${digits(a.slot, lang)}`;
  const text = `${t('bookingCode')}: ${a.code}${SEPARATOR}${centreName}${SEPARATOR}${when}`;
  const ics = icsFile({
    code: a.code,
    startsAt: a.startsAt,
    minutes: 30,
    timeZone: c?.timeZone ?? 'Asia/Tehran',
    title: `${serviceNameIn(c, a.serviceCode, lang)}${SEPARATOR}${centreName}`,
    location: [centreName, localName(c?.address ?? undefined, lang)].filter(Boolean).join(', '),
    description: `${t('bookingCode')}: ${a.code}`,
    now: new Date(),
  });
  const href = `data:text/calendar;charset=utf-8,${encodeURIComponent(ics)}`;
  return h(
    'div',
    { class: 'row keep' },
    h(
      'button',
      { type: 'button', class: 'secondary', 'data-action': 'print', onclick: () => window.print() },
      t('printCode'),
    ),
    typeof navigator.share === 'function'
      ? h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            'data-action': 'share',
            onclick: () => void navigator.share({ title: t('bookingCode'), text }).catch(() => {}),
          },
          t('shareCode'),
        )
      : null,
    h(
      'a',
      { class: 'button secondary', href, download: `nobat-${a.code}.ics`, 'data-action': 'ics' },
      t('addToCalendar'),
    ),
  );
}

function findSection(): HTMLElement {
  const t = screen.t;
  const lang = screen.lang;
  const code = h('input', {
    id: 'find-code',
    name: 'code',
    autocomplete: 'off',
    dir: 'ltr',
    required: true,
    maxlength: 12,
    'aria-invalid': findError ? 'true' : null,
    'aria-describedby': findError ? 'find-code-error' : null,
  });
  const show = h('button', { type: 'submit' }, t('show'));
  const actions: HTMLElement[] = [];
  if (found && found.status === 'BOOKED') {
    const a = found;
    if (!moving && !confirmingCancel) {
      actions.push(
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            'data-action': 'move',
            onclick: () => {
              moving = true;
              actionError = '';
              centreId = a.centreId;
              serviceCode = a.serviceCode;
              day = a.date;
              month = null;
              void loadSlots();
            },
          },
          t('chooseNewTime'),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'danger',
            'data-action': 'cancel',
            onclick: () => {
              confirmingCancel = true;
              actionError = '';
              render();
            },
          },
          t('cancelBooking'),
        ),
      );
    }
    if (confirmingCancel) {
      const yes = h(
        'button',
        {
          type: 'button',
          class: 'danger',
          'data-action': 'confirm-cancel',
          onclick: () =>
            void guarded(yes, async () => {
              try {
                found = await api<Appointment>(`/api/appointments/${encodeURIComponent(a.code)}`, { method: 'DELETE' });
                actionError = '';
              } catch (err) {
                actionError = refusalMessage(err, screen.lang, { centre: centre(), timeZone: centre()?.timeZone });
              }
              confirmingCancel = false;
              render();
            }),
        },
        t('yesCancelBooking'),
      );
      actions.push(
        h('p', { id: 'cancel-question' }, t('confirmCancelBooking')),
        yes,
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            'data-action': 'keep-booking',
            onclick: () => {
              confirmingCancel = false;
              render();
            },
          },
          t('keepBooking'),
        ),
      );
    }
    if (moving && chosenSlot) {
      const move = h(
        'button',
        {
          type: 'button',
          'data-action': 'confirm-move',
          onclick: () =>
            void guarded(move, async () => {
              try {
                found = await api<Appointment>(`/api/appointments/${encodeURIComponent(a.code)}/reschedule`, {
                  body: { date: day, slot: chosenSlot } satisfies RescheduleRequest,
                });
                moving = false;
                actionError = '';
                chosenSlot = '';
              } catch (err) {
                actionError = refusalMessage(err, screen.lang, { centre: centre(), timeZone: centre()?.timeZone });
              }
              render();
            }),
        },
        t('confirmMove', { when: `${jalaliDay(day, lang)} ${digits(chosenSlot, lang)}` }),
      );
      actions.push(move);
    }
    if (moving) {
      actions.push(
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            'data-action': 'stop-moving',
            onclick: () => {
              moving = false;
              chosenSlot = '';
              render();
            },
          },
          t('back'),
        ),
      );
    }
  }
  return h(
    'section',
    { class: 'card', id: 'find', 'aria-labelledby': 'find-title' },
    h('h2', { id: 'find-title' }, t('findBooking')),
    h(
      'form',
      {
        class: 'row',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void guarded(show, async () => {
            try {
              found = await api<Appointment>(`/api/appointments/${encodeURIComponent(latinDigits(code.value).trim())}`);
              findError = '';
            } catch (err) {
              found = null;
              findError = refusalMessage(err, screen.lang, { centre: centre(), timeZone: centre()?.timeZone });
            }
            moving = false;
            confirmingCancel = false;
            actionError = '';
            render();
          });
        },
      },
      h(
        'div',
        {},
        h('label', { for: 'find-code' }, t('bookingCode')),
        code,
        findError ? h('p', { class: 'error', role: 'alert', id: 'find-code-error' }, findError) : null,
      ),
      show,
    ),
    found ? appointmentCard(found, t('bookingCode')) : null,
    moving && found
      ? h(
          'div',
          { class: 'moving' },
          h('p', { class: 'label' }, t('chooseNewTime')),
          calendar(),
          slotPicker(),
          fieldError('slot'),
        )
      : null,
    actionError ? h('p', { class: 'error', role: 'alert', 'data-error': 'action' }, actionError) : null,
    actions.length ? h('div', { class: 'row actions' }, ...actions) : null,
  );
}

function render(): void {
  const t = screen.t;
  document.title = `${t('bookTitle')}${SEPARATOR}${t('appName')}`;
  if (booked && found && found.code === booked.code) booked = found; // moved or cancelled below: one truth on the page
  preserving(app, () =>
    replace(
      app,
      h('header', { class: 'bar' }, h('h1', {}, t('bookTitle')), screen.languagePicker()),
      h(
        'main',
        {},
        booked
          ? h(
              'section',
              { class: 'card', 'aria-live': 'polite', 'data-booked': '' },
              appointmentCard(booked, booked.status === 'BOOKED' ? t('bookedTitle') : t('bookingCode'), 'h2'),
              h(
                'button',
                {
                  type: 'button',
                  class: 'secondary',
                  onclick: () => {
                    booked = null;
                    chosenSlot = '';
                    void loadSlots();
                  },
                },
                t('back'),
              ),
            )
          : bookingForm(),
        findSection(),
      ),
    ),
  );
}

screen.onLang(render);
render();
api<Centre[]>('/api/centres')
  .then((list) => {
    centres = list;
    if (!centreId && list.length === 1) centreId = list[0].centreId;
    render();
    if (location.hash) document.querySelector(location.hash)?.scrollIntoView(); // e.g. #find from the start page
  })
  .catch(() => {
    errors = { form: screen.t('retry') };
    render();
  });
