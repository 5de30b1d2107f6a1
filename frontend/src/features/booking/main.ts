import '../../styles/base.css';
import './booking.css';
import {
  api,
  identityTypes,
  oneOf,
  type AppointmentResponse as Appointment,
  type BookRequest,
  type Centre,
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
  todayIn,
  weekdayName,
} from '../../lib/format';
import { localName } from '../../lib/i18n';
import { param, Screen } from '../../lib/page';
import { refusalMessage } from '../../lib/problems';
import { monthContaining, nextMonth, previousMonth, type JalaliMonth } from './calendar';

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
let error = '';
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
    error = '';
  } catch (e) {
    if (mine !== slotRequests) return;
    error = refusalMessage(e, screen.lang, { centre: centre(), timeZone: centre()?.timeZone });
  }
  render();
}

function calendar(): HTMLElement {
  const t = screen.t;
  const lang = screen.lang;
  const today = todayIn(centre()?.timeZone ?? 'Asia/Tehran');
  month ??= monthContaining(day || today);
  const m = month;
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
      ...m.days.map((iso, i) =>
        h(
          'button',
          {
            type: 'button',
            class: `day${iso === day ? ' chosen' : ''}`,
            'data-date': iso,
            disabled: iso < today,
            'aria-pressed': iso === day ? 'true' : 'false',
            'aria-label': jalaliDay(iso, lang),
            onclick: () => {
              day = iso;
              void loadSlots();
            },
          },
          number(i + 1, lang),
        ),
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
  const slotList = !slots
    ? null
    : slots.slots.filter((s) => s.bookable).length === 0
      ? // the server explains in English (a holiday's name, a closed weekday); the other screens say it in their language
        h('p', { class: 'notice' }, lang === 'en' && slots.closedReason ? slots.closedReason : t('noSlots'))
      : h(
          'div',
          { class: 'slots', role: 'radiogroup', 'aria-label': t('freeSlots') },
          ...slots.slots
            .filter((s) => s.bookable)
            .map((s) =>
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
  const idType = h(
    'select',
    { id: 'identity-type', name: 'identityType' },
    ...identityTypes.map((x) => h('option', { value: x }, t(`id${x}`))),
  );
  const idNumber = h('input', {
    id: 'identity-number',
    name: 'identityNumber',
    inputmode: 'numeric',
    autocomplete: 'off',
    required: true,
    dir: 'ltr',
  });
  const phone = h('input', {
    id: 'phone',
    name: 'phone',
    type: 'tel',
    inputmode: 'tel',
    autocomplete: 'tel',
    required: true,
    dir: 'ltr',
  });
  const submit = h('button', { type: 'submit', id: 'book', disabled: !chosenSlot || booking }, t('book'));
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
              error = '';
            } catch (err) {
              error = refusalMessage(err, screen.lang, { centre: centre(), timeZone: centre()?.timeZone });
            }
            booking = false;
            render();
          });
        },
      },
      h(
        'div',
        { class: 'row' },
        h('div', {}, h('label', { for: 'centre' }, t('centre')), centreSelect),
        h('div', {}, h('label', { for: 'service' }, t('service')), serviceSelect),
      ),
      centreId && serviceCode
        ? h('div', {}, h('p', { class: 'label' }, t('date'), day ? `: ${jalaliDay(day, lang)}` : ''), calendar())
        : null,
      slotList ? h('div', {}, h('p', { class: 'label' }, t('freeSlots')), slotList) : null,
      chosenSlot
        ? h(
            'div',
            { class: 'grid' },
            h('div', {}, h('label', { for: 'identity-type' }, t('identityType')), idType),
            h('div', {}, h('label', { for: 'identity-number' }, t('identityNumber')), idNumber),
            h('div', {}, h('label', { for: 'phone' }, t('phone')), phone),
          )
        : null,
      error ? h('p', { class: 'error', role: 'alert' }, error) : null,
      h('div', { class: 'row' }, submit),
    ),
  );
}

function appointmentCard(a: Appointment, title: string): HTMLElement {
  const t = screen.t;
  const lang = screen.lang;
  return h(
    'article',
    { class: 'appointment', 'data-code': a.code, 'data-status': a.status },
    h('h3', {}, title),
    h('p', { class: 'code', dir: 'ltr' }, a.code),
    h('p', {}, t('keepCode')),
    h(
      'dl',
      {},
      h('dt', {}, t('service')),
      h(
        'dd',
        {},
        serviceNameIn(
          centres.find((c) => c.centreId === a.centreId),
          a.serviceCode,
          lang,
        ),
      ),
      h('dt', {}, t('date')),
      h('dd', {}, `${jalaliDay(a.date, lang)}${SEPARATOR}${digits(a.slot, lang)}`),
      h('dt', {}, t('bookingStatus')),
      h('dd', { class: 'status' }, t(`status${a.status}`) || a.status),
      h('dt', {}, t('phone')),
      h('dd', { dir: 'ltr' }, digits(a.phone ?? '', lang)),
    ),
    a.status === 'BOOKED'
      ? h('img', { src: a.qrUrl, width: 180, height: 180, alt: `${t('bookingCode')} ${a.code}` })
      : null,
  );
}

function findSection(): HTMLElement {
  const t = screen.t;
  const code = h('input', {
    id: 'find-code',
    name: 'code',
    autocomplete: 'off',
    dir: 'ltr',
    required: true,
    maxlength: 12,
  });
  const show = h('button', { type: 'submit' }, t('show'));
  const actions: HTMLElement[] = [];
  if (found && found.status === 'BOOKED') {
    const a = found;
    actions.push(
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          'data-action': 'move',
          onclick: () => {
            moving = true;
            centreId = a.centreId;
            serviceCode = a.serviceCode;
            day = a.date;
            month = null;
            void loadSlots();
          },
        },
        t('moveTo'),
      ),
    );
    const cancel = h(
      'button',
      {
        type: 'button',
        class: 'danger',
        'data-action': 'cancel',
        onclick: () =>
          void guarded(cancel, async () => {
            try {
              found = await api<Appointment>(`/api/appointments/${encodeURIComponent(a.code)}`, { method: 'DELETE' });
            } catch (err) {
              error = refusalMessage(err, screen.lang, { centre: centre(), timeZone: centre()?.timeZone });
            }
            render();
          }),
      },
      t('cancelBooking'),
    );
    actions.push(cancel);
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
                error = '';
              } catch (err) {
                error = refusalMessage(err, screen.lang, { centre: centre(), timeZone: centre()?.timeZone });
              }
              render();
            }),
        },
        `${t('moveTo')}: ${jalaliDay(day, screen.lang)} ${digits(chosenSlot, screen.lang)}`,
      );
      actions.push(move);
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
              error = '';
            } catch (err) {
              found = null;
              error = refusalMessage(err, screen.lang, { centre: centre(), timeZone: centre()?.timeZone });
            }
            render();
          });
        },
      },
      h('div', {}, h('label', { for: 'find-code' }, t('bookingCode')), code),
      show,
    ),
    found ? appointmentCard(found, t('bookingCode')) : null,
    moving && found
      ? h(
          'div',
          {},
          h('p', { class: 'label' }, t('date')),
          calendar(),
          slots
            ? h(
                'div',
                { class: 'slots' },
                ...slots.slots
                  .filter((s) => s.bookable)
                  .map((s) =>
                    h(
                      'button',
                      {
                        type: 'button',
                        class: `slot${s.start === chosenSlot ? ' chosen' : ''}`,
                        'data-slot': s.start,
                        onclick: () => {
                          chosenSlot = s.start;
                          render();
                        },
                      },
                      digits(s.start, screen.lang),
                    ),
                  ),
              )
            : null,
        )
      : null,
    actions.length ? h('div', { class: 'row' }, ...actions) : null,
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
              { class: 'card', 'aria-live': 'polite' },
              appointmentCard(booked, t('bookingCode')),
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
    error = screen.t('retry');
    render();
  });
