import { h } from './dom';
import { latinDigits, number } from './format';
import type { Screen } from './page';

// One modal question for every staff screen (the desk's confirmations and transfers, the
// supervisor's reasons, the admin's removals), in the screen's language: never window.confirm,
// whose buttons speak the browser's. Enter answers yes, Escape and "no" go back.

export interface Choice {
  value: string;
  label: string;
}

export interface Question {
  question: string;
  /** Numbered choices; a digit key picks one, and nothing is chosen for the person asked. */
  choices?: readonly Choice[];
  /** The choices' legend, also said when "yes" is pressed with none chosen. */
  legend?: string;
  /** A short text typed under the question (a note, a reason); digits typed there are text. */
  text?: { id: string; label: string; required?: boolean; maxLength: number };
  /** "Yes" removes or gives something up: drawn as a danger, and "no" has the focus first. */
  danger?: boolean;
  /** What the dialog is, for tests and styles (data-dialog). */
  kind?: string;
}

export interface Answer {
  /** The chosen value, or "yes" without choices. */
  value: string;
  /** The typed text, trimmed ("" when none was asked or typed). */
  text: string;
}

/** Asks; null when the person went back. Focus returns to what had it before. */
export function ask(screen: Screen, q: Question): Promise<Answer | null> {
  const t = screen.t;
  const choices = q.choices ?? [];
  const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  return new Promise((resolve) => {
    const error = h('p', { class: 'error', role: 'alert', hidden: true }, q.legend ?? '');
    const text = q.text
      ? h('input', {
          type: 'text',
          id: q.text.id,
          name: 'text',
          maxlength: q.text.maxLength,
          required: q.text.required ?? false,
          autocomplete: 'off',
          'data-keep': 'false',
        })
      : null;
    const options = choices.map((c, i) =>
      h(
        'label',
        { class: 'check' },
        h('input', { type: 'radio', name: 'choice', value: c.value, 'data-keep': 'false' }),
        `${number(i + 1, screen.lang)}. ${c.label}`,
      ),
    );
    const yes = h(
      'button',
      { type: 'submit', class: q.danger ? 'danger' : 'primary', value: 'yes', 'data-confirm': 'yes' },
      t('confirmYes'),
    );
    const no = h('button', { type: 'submit', class: 'secondary', value: 'no', formnovalidate: true }, t('confirmNo'));
    const form = h(
      'form',
      { method: 'dialog' },
      h('p', { id: 'ask-question' }, text && !choices.length ? h('label', { for: text.id }, q.question) : q.question),
      choices.length ? h('fieldset', { class: 'choices' }, h('legend', {}, q.legend ?? ''), ...options) : null,
      text && choices.length ? h('label', { for: text.id, class: 'note' }, q.text?.label ?? '') : null,
      text,
      error,
      h('div', { class: 'row' }, yes, no),
    );
    const dialog = h(
      'dialog',
      { class: 'ask', 'aria-labelledby': 'ask-question', 'data-dialog': q.kind ?? null },
      form,
    ) as HTMLDialogElement;
    const chosen = () => form.querySelector<HTMLInputElement>('input[name="choice"]:checked')?.value ?? null;
    form.addEventListener('keydown', (e) => {
      if (e.target === text) return;
      const index = Number(latinDigits(e.key)) - 1;
      if (choices.length && index >= 0 && index < choices.length) {
        (options[index].querySelector('input') as HTMLInputElement).checked = true;
        e.preventDefault();
      }
    });
    form.addEventListener('submit', (e) => {
      const saidYes = (e.submitter as HTMLButtonElement | null)?.value === 'yes';
      if (saidYes && choices.length && !chosen()) {
        e.preventDefault();
        error.hidden = false;
      }
    });
    dialog.addEventListener('close', () => {
      const value = dialog.returnValue === 'yes' ? (choices.length ? chosen() : 'yes') : null;
      const typed = text?.value.trim() ?? '';
      dialog.remove();
      if (before?.isConnected) before.focus();
      resolve(value === null || (q.text?.required && !typed) ? null : { value, text: typed });
    });
    document.body.append(dialog);
    dialog.showModal();
    (choices.length ? (options[0].querySelector('input') as HTMLElement) : (text ?? (q.danger ? no : yes))).focus();
  });
}
