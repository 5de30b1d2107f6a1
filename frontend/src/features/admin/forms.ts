import { endOfDayRules, oneOf, priorityClasses, type Centre, type DayOfWeek, type SlotTemplate } from '../../lib/api';
import { h, replace } from '../../lib/dom';
import { digits, latinDigits, parseTime, weekdayName } from '../../lib/format';
import { LANGS, localName } from '../../lib/i18n';
import type { Lang } from '../../lib/i18n';
import { endOfDayLabel, languageLabel } from '../../lib/labels';
import type { Screen } from '../../lib/page';
import { askFirst } from './confirm';

// Structured editors for a centre's profile and a service's slot template. They edit a draft copy;
// saving sends the whole draft, and the API's validation answers (RFC 7807) are shown as they come.

/** The week as the centres count it, from Saturday. */
const DAYS: readonly DayOfWeek[] = ['SATURDAY', 'SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'];

function dayName(day: DayOfWeek, lang: Lang): string {
  return weekdayName(DAYS.indexOf(day), lang);
}

function text(
  id: string,
  label: string,
  value: string,
  set: (v: string) => void,
  attrs: Record<string, string | number | boolean> = {},
): HTMLElement {
  const input = h('input', { id, value, oninput: (e: Event) => set((e.target as HTMLInputElement).value), ...attrs });
  return h('div', { class: 'field' }, h('label', { for: id }, label), input);
}

/**
 * A number in the screen's digits (a number input would show Latin digits on a Persian screen and
 * refuse Persian ones): typed in any digits, with the Persian decimal separator or a dot.
 */
function num(screen: Screen, id: string, label: string, value: number, set: (v: number) => void): HTMLElement {
  const field = text(
    id,
    label,
    digits(String(value), screen.lang),
    (v) => {
      const typed = latinDigits(v).trim().replace('٫', '.');
      const n = /^\d+(\.\d+)?$/.test(typed) ? Number(typed) : Number.NaN;
      const input = field.querySelector('input');
      input?.setCustomValidity(Number.isNaN(n) ? screen.t('numberExpected') : '');
      input?.setAttribute('aria-invalid', Number.isNaN(n) ? 'true' : 'false');
      set(n);
    },
    { inputmode: 'decimal', autocomplete: 'off', class: 'short' },
  );
  return field;
}

/** Labels of a name in each language: "Service name in Persian", "نام باجه به پشتو". */
export type NameLabel = 'serviceNameIn' | 'deskNameIn' | 'holidayNameIn' | 'addressIn' | 'documentIn';

/** One field per language for a name (wide enough for the longest), typed in that language's direction. */
export function namesFields(
  screen: Screen,
  prefix: string,
  names: Record<string, string>,
  label: NameLabel,
): HTMLElement[] {
  return LANGS.map((l) =>
    text(
      `${prefix}-name-${l}`,
      screen.t(label, { language: languageLabel(l, screen.t) }),
      names[l] ?? '',
      (v) => {
        names[l] = v;
      },
      { lang: l, dir: l === 'en' ? 'ltr' : 'rtl', class: 'name' },
    ),
  );
}

/**
 * A fieldset of a thing named in every language (the centre's address, one document to bring):
 * its legend, a field per language, and whatever else belongs to it (a remove button).
 */
function namesFieldset(
  screen: Screen,
  prefix: string,
  names: Record<string, string>,
  legend: string,
  label: NameLabel,
  attrs: Record<string, string> = {},
  ...more: HTMLElement[]
): HTMLElement {
  return h(
    'fieldset',
    { class: 'group names', ...attrs },
    h('legend', {}, legend),
    h('div', { class: 'item' }, ...namesFields(screen, prefix, names, label), ...more),
  );
}

/**
 * A time of day in 24 hours ("08:00", "۱۴:۳۰"), in the screen's digits whatever the browser's
 * locale (an <input type=time> would show "08:00 AM" to an English browser). A text that is no time
 * marks the field invalid, says why, and keeps the draft's last good value.
 */
function timeField(screen: Screen, id: string, label: string, value: string, set: (v: string) => void): HTMLElement {
  const t = screen.t;
  const lang = screen.lang;
  const error = h('span', { id: `${id}-error`, class: 'hint wrong', hidden: true });
  const input = h('input', {
    id,
    value: digits(value.replace(/^(\d\d:\d\d):00$/, '$1'), lang), // 08:00, not 08:00:00
    dir: 'ltr',
    inputmode: 'numeric',
    autocomplete: 'off',
    placeholder: digits('08:00', lang),
    class: 'time',
    'data-time': '',
    'aria-describedby': `${id}-error`,
    oninput: (e: Event) => {
      const el = e.target as HTMLInputElement;
      const read = parseTime(el.value);
      const message = t('timeInvalid', { from: digits('00:00', lang), to: digits('23:59', lang) });
      el.setCustomValidity(read ? '' : message);
      if (read) el.removeAttribute('aria-invalid');
      else el.setAttribute('aria-invalid', 'true');
      error.hidden = Boolean(read);
      error.textContent = read ? '' : message;
      if (read) set(read);
    },
  });
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, error);
}

/**
 * Submits a form only when every field reads right (the time and date fields mark themselves);
 * otherwise focuses the first wrong one and says so in the screen's language.
 */
export function submitChecked(screen: Screen, save: () => void): (e: Event) => void {
  return (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const wrong = form.querySelector<HTMLElement>(':invalid:not(fieldset):not(form)');
    const note = form.querySelector<HTMLElement>(':scope > .form-check');
    if (wrong) {
      if (note) {
        note.textContent = screen.t('fixFirst');
        note.hidden = false;
      }
      wrong.focus();
      return;
    }
    if (note) note.hidden = true;
    save();
  };
}

/** Where submitChecked says a form has fields to correct. */
export function formCheckNote(): HTMLElement {
  return h('p', { class: 'wrong form-check', role: 'alert', hidden: true });
}

/** A remove button that asks first: "Remove service Papers? It is gone once you save." */
function removeButton(screen: Screen, what: string, remove: () => void, ariaLabel: string = `− ${what}`): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      'aria-label': ariaLabel,
      'data-action': 'remove',
      onclick: () =>
        void askFirst(screen, screen.t('confirmRemove', { what })).then((yes) => {
          if (yes) remove();
        }),
    },
    '−',
  );
}

/** Services, desks, opening hours and the queue policy of a centre. */
export function centreForm(
  screen: Screen,
  draft: Centre,
  save: () => void,
  saveButton: HTMLButtonElement,
): HTMLElement {
  const t = screen.t;
  const body = h('div', {});
  const rerender = () => replace(body, ...sections());
  const remove =
    <T>(list: T[], item: T) =>
    () => {
      list.splice(list.indexOf(item), 1);
      rerender();
    };
  const sections = (): HTMLElement[] => [
    h(
      'fieldset',
      { class: 'group' },
      h('legend', {}, t('services')),
      ...draft.services.map((s, i) =>
        h(
          'div',
          { class: 'item', 'data-service': s.code },
          text(
            `svc-${i}-code`,
            t('code'),
            s.code,
            (v) => {
              s.code = v.trim();
            },
            { dir: 'ltr', class: 'short' },
          ),
          text(
            `svc-${i}-prefix`,
            t('prefix'),
            s.prefix,
            (v) => {
              s.prefix = v.trim();
            },
            { dir: 'ltr', class: 'short', maxlength: 1 },
          ),
          num(
            screen,
            `svc-${i}-target`,
            `${t('target')} (${t('minutes', { n: '' }).trim()})`,
            s.targetWaitMinutes,
            (v) => {
              s.targetWaitMinutes = v;
            },
          ),
          ...namesFields(screen, `svc-${i}`, s.names, 'serviceNameIn'),
          removeButton(screen, `${t('service')} ${localName(s.names, screen.lang, s.code)}`, remove(draft.services, s)),
        ),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          onclick: () => {
            draft.services.push({ code: '', prefix: '', names: {}, targetWaitMinutes: 20 });
            rerender();
          },
        },
        `+ ${t('service')}`,
      ),
    ),
    h(
      'fieldset',
      { class: 'group' },
      h('legend', {}, t('desks')),
      ...draft.desks.map((d, i) =>
        h(
          'div',
          { class: 'item', 'data-desk': d.deskId },
          text(
            `desk-${i}-id`,
            t('deskId'),
            d.deskId,
            (v) => {
              d.deskId = v.trim();
            },
            { dir: 'ltr', class: 'short' },
          ),
          ...namesFields(screen, `desk-${i}`, d.names, 'deskNameIn'),
          h(
            'fieldset',
            { class: 'checks' },
            h('legend', {}, t('services')),
            ...draft.services.map((s) =>
              h(
                'label',
                { class: 'check' },
                h('input', {
                  type: 'checkbox',
                  name: `desk-${i}-service`,
                  value: s.code,
                  checked: d.serviceCodes.includes(s.code),
                  onchange: (e: Event) => {
                    d.serviceCodes = (e.target as HTMLInputElement).checked
                      ? [...d.serviceCodes, s.code]
                      : d.serviceCodes.filter((c) => c !== s.code);
                  },
                }),
                localName(s.names, screen.lang, s.code),
              ),
            ),
          ),
          removeButton(screen, `${t('desk')} ${localName(d.names, screen.lang, d.deskId)}`, remove(draft.desks, d)),
        ),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          onclick: () => {
            draft.desks.push({ deskId: '', names: {}, serviceCodes: [] });
            rerender();
          },
        },
        `+ ${t('desk')}`,
      ),
    ),
    h(
      'fieldset',
      { class: 'group' },
      h('legend', {}, t('openingHours')),
      ...draft.openingHours.map((o, i) =>
        h(
          'div',
          { class: 'item row' },
          h(
            'div',
            { class: 'field' },
            h('label', { for: `hours-${i}-day` }, t('weekday')),
            h(
              'select',
              {
                id: `hours-${i}-day`,
                onchange: (e: Event) => {
                  o.day = oneOf(DAYS, (e.target as HTMLSelectElement).value) ?? o.day;
                },
              },
              ...DAYS.map((day) => h('option', { value: day, selected: day === o.day }, dayName(day, screen.lang))),
            ),
          ),
          timeField(screen, `hours-${i}-opens`, t('opens'), o.opens, (v) => {
            o.opens = v;
          }),
          timeField(screen, `hours-${i}-closes`, t('closes'), o.closes, (v) => {
            o.closes = v;
          }),
          removeButton(
            screen,
            `${t('openingHours')} (${dayName(o.day, screen.lang)} ${digits(`${o.opens}–${o.closes}`, screen.lang)})`,
            remove(draft.openingHours, o),
            `− ${t('openingHours')} ${digits(i + 1, screen.lang)}`,
          ),
        ),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          onclick: () => {
            draft.openingHours.push({ day: 'SATURDAY', opens: '08:00', closes: '14:00' });
            rerender();
          },
        },
        `+ ${t('openingHours')}`,
      ),
    ),
    h(
      'fieldset',
      { class: 'group row' },
      h('legend', {}, t('priority')),
      ...priorityClasses.map((cls) =>
        num(screen, `weight-${cls}`, t(`priority${cls}`), draft.policy.weights[cls], (v) => {
          draft.policy.weights[cls] = v;
        }),
      ),
      num(screen, 'policy-boost', t('boost'), draft.policy.appointmentBoost, (v) => {
        draft.policy.appointmentBoost = v;
      }),
      num(screen, 'policy-row', t('maxInRow'), draft.policy.maxPriorityInRow, (v) => {
        draft.policy.maxPriorityInRow = v;
      }),
      num(screen, 'max-recalls', t('recall'), draft.maxRecalls, (v) => {
        draft.maxRecalls = v;
      }),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'end-of-day' }, t('endOfDay')),
        h(
          'select',
          {
            id: 'end-of-day',
            onchange: (e: Event) => {
              draft.endOfDay = oneOf(endOfDayRules, (e.target as HTMLSelectElement).value) ?? draft.endOfDay;
            },
          },
          ...endOfDayRules.map((r) =>
            h('option', { value: r, selected: r === draft.endOfDay }, endOfDayLabel(r, screen.t)),
          ),
        ),
      ),
    ),
    // what a visitor reads on the booking's confirmation (issue 12, wt-phone)
    namesFieldset(screen, 'address', draft.address, t('centreAddress'), 'addressIn', { 'data-group': 'address' }),
    h(
      'fieldset',
      { class: 'group', 'data-group': 'documents' },
      h('legend', {}, t('documentsToBring')),
      ...draft.services.map((s, i) => {
        const listed = draft.documents.find((d) => d.serviceCode === s.code);
        const items = listed?.items ?? [];
        return h(
          'div',
          { class: 'item', 'data-documents': s.code },
          h('p', { class: 'label' }, localName(s.names, screen.lang, s.code)),
          ...items.map((item, j) =>
            namesFieldset(
              screen,
              `doc-${i}-${j}`,
              item,
              t('documentItem', { n: digits(j + 1, screen.lang) }),
              'documentIn',
              {},
              removeButton(
                screen,
                `${t('documentItem', { n: digits(j + 1, screen.lang) })} (${localName(item, screen.lang)})`,
                remove(items, item),
                `− ${t('documentItem', { n: digits(j + 1, screen.lang) })}`,
              ),
            ),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              'data-action': 'add-document',
              onclick: () => {
                if (listed) listed.items.push({});
                else draft.documents.push({ serviceCode: s.code, items: [{}] });
                rerender();
              },
            },
            `+ ${t('documentsToBring')}`,
          ),
        );
      }),
    ),
  ];
  rerender();
  return h(
    'form',
    { novalidate: true, onsubmit: submitChecked(screen, save) },
    body,
    formCheckNote(),
    h('div', { class: 'row' }, saveButton),
  );
}

/** The rules of a service's slot template: on these days, from–until, slots of N minutes, M seats each. */
export function templateForm(
  screen: Screen,
  draft: SlotTemplate,
  save: () => void,
  saveButton: HTMLButtonElement,
): HTMLElement {
  const t = screen.t;
  const body = h('div', {});
  const rerender = () =>
    replace(
      body,
      ...draft.rules.map((r, i) =>
        h(
          'div',
          { class: 'item' },
          h(
            'fieldset',
            { class: 'checks' },
            h('legend', {}, t('weekdays')),
            ...DAYS.map((day) =>
              h(
                'label',
                { class: 'check' },
                h('input', {
                  type: 'checkbox',
                  name: `rule-${i}-day`,
                  value: day,
                  checked: r.days.includes(day),
                  onchange: (e: Event) => {
                    r.days = (e.target as HTMLInputElement).checked
                      ? [...r.days, day]
                      : r.days.filter((x) => x !== day);
                  },
                }),
                dayName(day, screen.lang),
              ),
            ),
          ),
          h(
            'div',
            { class: 'row' },
            timeField(screen, `rule-${i}-from`, t('opens'), r.from, (v) => {
              r.from = v;
            }),
            timeField(screen, `rule-${i}-until`, t('closes'), r.until, (v) => {
              r.until = v;
            }),
            num(screen, `rule-${i}-minutes`, t('minutes', { n: '' }).trim(), r.slotMinutes, (v) => {
              r.slotMinutes = v;
            }),
            num(screen, `rule-${i}-capacity`, t('seatsLeft', { n: '' }).trim(), r.capacity, (v) => {
              r.capacity = v;
            }),
            removeButton(
              screen,
              `${t('slotTemplate')} ${digits(i + 1, screen.lang)} (${r.days.map((d) => dayName(d, screen.lang)).join(screen.lang === 'en' ? ', ' : '، ')} ${digits(`${r.from}–${r.until}`, screen.lang)})`,
              () => {
                draft.rules.splice(draft.rules.indexOf(r), 1);
                rerender();
              },
              `− ${t('slotTemplate')} ${digits(i + 1, screen.lang)}`,
            ),
          ),
        ),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          onclick: () => {
            draft.rules.push({ days: ['SATURDAY'], from: '08:00', until: '12:00', slotMinutes: 30, capacity: 2 });
            rerender();
          },
        },
        `+ ${t('slotTemplate')}`,
      ),
    );
  rerender();
  return h(
    'form',
    { novalidate: true, onsubmit: submitChecked(screen, save) },
    body,
    formCheckNote(),
    h('div', { class: 'row' }, saveButton),
  );
}
