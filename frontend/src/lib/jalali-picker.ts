import './jalali-picker.css';
import { h, replace } from './dom';
import {
  addDays,
  digits,
  isoOfJalali,
  jalaliDay,
  jalaliMonthLength,
  jalaliMonthTitle,
  jalaliNumeric,
  jalaliParts,
  parseJalali,
  todayIn,
  weekdayFromSaturday,
  weekdayName,
} from './format';
import { direction } from './i18n';
import type { Screen } from './page';

// A date field in the Solar Hijri calendar, whatever the browser's own locale: typed as
// year-month-day ("1405-10-05", in any digits) or chosen on a month grid that starts on Saturday.
// The API keeps ISO (Gregorian) dates; the field converts on the way.

export interface JalaliField {
  element: HTMLElement;
  input: HTMLInputElement;
  /** The ISO date typed or chosen, or null while the text is no Solar Hijri day. */
  value(): string | null;
}

const EXAMPLE = '1405-10-05';

export function jalaliDateField(screen: Screen, id: string, timeZone: string): JalaliField {
  const t = screen.t;
  const lang = screen.lang;
  const example = digits(EXAMPLE, lang);
  // left-to-right isolate: in a Persian sentence the hyphens would otherwise flip year and day
  const isolated = `\u2066${example}\u2069`;
  const hint = h('p', { id: `${id}-hint`, class: 'hint' }, t('dateHint', { example: isolated }));
  const input = h('input', {
    id,
    type: 'text',
    dir: 'ltr',
    inputmode: 'numeric',
    autocomplete: 'off',
    placeholder: example,
    'aria-describedby': `${id}-hint`,
    class: 'date',
  });
  let chosen: string | null = null;
  const check = () => {
    const text = input.value.trim();
    chosen = text === '' ? null : parseJalali(text);
    const wrong = text !== '' && chosen === null;
    input.setCustomValidity(wrong ? t('dateInvalid', { example }) : '');
    if (wrong) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
    hint.classList.toggle('wrong', wrong);
    hint.textContent = wrong
      ? t('dateInvalid', { example })
      : chosen
        ? jalaliDay(chosen, lang)
        : t('dateHint', { example });
  };
  input.addEventListener('input', check);

  const today = todayIn(timeZone);
  const open = h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      'aria-haspopup': 'dialog',
      'data-action': 'calendar',
      onclick: () => showCalendar(chosen ?? today),
    },
    t('chooseOnCalendar'),
  );

  /** The month grid of the month holding `focusDay`, in a modal dialog; a day chosen fills the field. */
  function showCalendar(focusDay: string): void {
    const title = h('h3', { id: `${id}-calendar-title`, 'aria-live': 'polite' });
    const grid = h('table', { class: 'month', 'aria-labelledby': `${id}-calendar-title` });
    const dialog = h(
      'dialog',
      { class: 'ask calendar', 'aria-labelledby': `${id}-calendar-title`, 'data-dialog': 'calendar' },
      h(
        'div',
        { class: 'row month-bar' },
        h(
          'button',
          { type: 'button', class: 'secondary', 'data-month': 'prev', onclick: () => move(-1) },
          t('prevMonth'),
        ),
        title,
        h(
          'button',
          { type: 'button', class: 'secondary', 'data-month': 'next', onclick: () => move(1) },
          t('nextMonth'),
        ),
      ),
      grid,
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, t('closeCalendar')),
      ),
    ) as HTMLDialogElement;
    let focused = focusDay;

    const draw = () => {
      const { year, month } = jalaliParts(focused);
      const first = isoOfJalali(year, month, 1)!;
      title.textContent = jalaliMonthTitle(first, lang);
      const length = jalaliMonthLength(year, month);
      const lead = weekdayFromSaturday(first);
      const cells: (string | null)[] = [
        ...Array.from({ length: lead }, () => null),
        ...Array.from({ length }, (_, i) => addDays(first, i)),
      ];
      while (cells.length % 7) cells.push(null);
      const rows: HTMLElement[] = [];
      for (let r = 0; r < cells.length; r += 7) {
        rows.push(
          h(
            'tr',
            {},
            ...cells.slice(r, r + 7).map((day) =>
              h(
                'td',
                {},
                day
                  ? h(
                      'button',
                      {
                        type: 'button',
                        'data-iso': day,
                        tabindex: day === focused ? 0 : -1,
                        'aria-label': jalaliDay(day, lang),
                        'aria-pressed': day === chosen ? 'true' : 'false',
                        'aria-current': day === today ? 'date' : null,
                        onclick: () => pick(day),
                      },
                      digits(jalaliParts(day).day, lang),
                    )
                  : null,
              ),
            ),
          ),
        );
      }
      replace(
        grid,
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...Array.from({ length: 7 }, (_, i) =>
              h('th', { scope: 'col', abbr: weekdayName(i, lang) }, weekdayName(i, lang, true)),
            ),
          ),
        ),
        h('tbody', {}, ...rows),
      );
    };

    const focusDayButton = () => grid.querySelector<HTMLButtonElement>(`button[data-iso="${focused}"]`)?.focus();

    /** A month earlier or later, the same day of the month where it exists. */
    function move(months: number): void {
      const { year, month, day } = jalaliParts(focused);
      const m = month + months;
      const y = year + Math.floor((m - 1) / 12);
      const mm = ((((m - 1) % 12) + 12) % 12) + 1;
      focused = isoOfJalali(y, mm, Math.min(day, jalaliMonthLength(y, mm))) ?? focused;
      draw();
    }

    function pick(day: string): void {
      input.value = jalaliNumeric(day, lang);
      check();
      dialog.close();
    }

    // arrow keys move by a day (mirrored right to left) or a week; Page Up/Down by a month
    grid.addEventListener('keydown', (e: KeyboardEvent) => {
      const rtl = direction(lang) === 'rtl';
      const steps: Record<string, number> = {
        ArrowRight: rtl ? -1 : 1,
        ArrowLeft: rtl ? 1 : -1,
        ArrowDown: 7,
        ArrowUp: -7,
      };
      if (e.key in steps) {
        focused = addDays(focused, steps[e.key]);
      } else if (e.key === 'PageDown' || e.key === 'PageUp') {
        move(e.key === 'PageDown' ? 1 : -1);
      } else {
        return;
      }
      e.preventDefault();
      draw();
      focusDayButton();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      input.focus();
    });
    draw();
    document.body.append(dialog);
    dialog.showModal();
    focusDayButton();
  }

  return {
    element: h('div', { class: 'date-field' }, h('div', { class: 'row' }, input, open), hint),
    input,
    value: () => chosen,
  };
}
