import { endOfDayRules, oneOf, priorityClasses, type Centre, type DayOfWeek, type SlotTemplate } from '../../lib/api';
import { h, replace } from '../../lib/dom';
import { weekdayName } from '../../lib/format';
import { LANGS } from '../../lib/i18n';
import type { Lang } from '../../lib/i18n';
import type { Screen } from '../../lib/page';

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

function num(id: string, label: string, value: number, set: (v: number) => void): HTMLElement {
  return text(id, label, String(value), (v) => set(Number(v)), {
    type: 'number',
    min: 0,
    step: 'any',
    dir: 'ltr',
    class: 'short',
  });
}

function namesFields(prefix: string, names: Record<string, string>, label: string): HTMLElement[] {
  return LANGS.map((l) =>
    text(
      `${prefix}-name-${l}`,
      `${label} (${l})`,
      names[l] ?? '',
      (v) => {
        names[l] = v;
      },
      { lang: l, dir: l === 'en' ? 'ltr' : 'rtl' },
    ),
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
          num(`svc-${i}-target`, `${t('target')} (${t('minutes', { n: '' }).trim()})`, s.targetWaitMinutes, (v) => {
            s.targetWaitMinutes = v;
          }),
          ...namesFields(`svc-${i}`, s.names, t('service')),
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              'aria-label': `− ${t('service')} ${s.code}`,
              onclick: remove(draft.services, s),
            },
            '−',
          ),
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
          ...namesFields(`desk-${i}`, d.names, t('desk')),
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
                s.code,
              ),
            ),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              'aria-label': `− ${t('desk')} ${d.deskId}`,
              onclick: remove(draft.desks, d),
            },
            '−',
          ),
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
            h('label', { for: `hours-${i}-day` }, t('date')),
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
          text(
            `hours-${i}-opens`,
            t('opens'),
            o.opens,
            (v) => {
              o.opens = v;
            },
            { type: 'time', dir: 'ltr' },
          ),
          text(
            `hours-${i}-closes`,
            t('closes'),
            o.closes,
            (v) => {
              o.closes = v;
            },
            { type: 'time', dir: 'ltr' },
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              'aria-label': `− ${t('openingHours')} ${i + 1}`,
              onclick: remove(draft.openingHours, o),
            },
            '−',
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
        num(`weight-${cls}`, t(`priority${cls}`), draft.policy.weights[cls], (v) => {
          draft.policy.weights[cls] = v;
        }),
      ),
      num('policy-boost', t('boost'), draft.policy.appointmentBoost, (v) => {
        draft.policy.appointmentBoost = v;
      }),
      num('policy-row', t('maxInRow'), draft.policy.maxPriorityInRow, (v) => {
        draft.policy.maxPriorityInRow = v;
      }),
      num('max-recalls', t('recall'), draft.maxRecalls, (v) => {
        draft.maxRecalls = v;
      }),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'end-of-day' }, t('closeDay')),
        h(
          'select',
          {
            id: 'end-of-day',
            onchange: (e: Event) => {
              draft.endOfDay = oneOf(endOfDayRules, (e.target as HTMLSelectElement).value) ?? draft.endOfDay;
            },
          },
          ...endOfDayRules.map((r) => h('option', { value: r, selected: r === draft.endOfDay }, r)),
        ),
      ),
    ),
    // what a visitor reads on the booking's confirmation (issue 12, wt-phone)
    h(
      'fieldset',
      { class: 'group', 'data-group': 'address' },
      h('legend', {}, t('centreAddress')),
      ...namesFields('address', draft.address, t('centreAddress')),
    ),
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
          h('p', { class: 'label' }, s.names[screen.lang] || s.code),
          ...items.map((item, j) =>
            h(
              'div',
              { class: 'item' },
              ...namesFields(`doc-${i}-${j}`, item, t('documentsToBring')),
              h(
                'button',
                {
                  type: 'button',
                  class: 'secondary',
                  'aria-label': `− ${t('documentsToBring')} ${j + 1}`,
                  onclick: remove(items, item),
                },
                '−',
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
    {
      onsubmit: (e: Event) => {
        e.preventDefault();
        save();
      },
    },
    body,
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
            h('legend', {}, t('date')),
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
            text(
              `rule-${i}-from`,
              t('opens'),
              r.from,
              (v) => {
                r.from = v;
              },
              { type: 'time', dir: 'ltr' },
            ),
            text(
              `rule-${i}-until`,
              t('closes'),
              r.until,
              (v) => {
                r.until = v;
              },
              { type: 'time', dir: 'ltr' },
            ),
            num(`rule-${i}-minutes`, t('minutes', { n: '' }).trim(), r.slotMinutes, (v) => {
              r.slotMinutes = v;
            }),
            num(`rule-${i}-capacity`, t('seatsLeft', { n: '' }).trim(), r.capacity, (v) => {
              r.capacity = v;
            }),
            h(
              'button',
              {
                type: 'button',
                class: 'secondary',
                'aria-label': `− ${t('slotTemplate')} ${i + 1}`,
                onclick: () => {
                  draft.rules.splice(i, 1);
                  rerender();
                },
              },
              '−',
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
    {
      onsubmit: (e: Event) => {
        e.preventDefault();
        save();
      },
    },
    body,
    h('div', { class: 'row' }, saveButton),
  );
}
