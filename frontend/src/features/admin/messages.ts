import { api, ApiError, type MessageText, type MessageTextChange, type MessageTexts } from '../../lib/api';
import { guarded, h, replace } from '../../lib/dom';
import { number } from '../../lib/format';
import { LANGS, type Lang, type MessageKey } from '../../lib/i18n';
import { languageLabel } from '../../lib/labels';
import type { Screen } from '../../lib/page';
import { fillRefusal, refusalCode, refusalMessage } from '../../lib/problems';
import { GSM_PART, GSM_SINGLE, placeholdersIn, smsCount, UCS2_PART, UCS2_SINGLE } from '../../lib/sms';
import { askFirst } from './confirm';

// The texts of the SMS visitors get (booked, moved, reminder, turn near, go to desk), one per kind
// and language. Each text is saved or reset on its own; the server checks its placeholders, and a
// text being typed keeps its draft across the page's re-renders.

const KIND_LABELS: Record<string, MessageKey> = {
  booked: 'smsKindBooked',
  moved: 'smsKindMoved',
  reminder: 'smsKindReminder',
  'turn-near': 'smsKindTurnNear',
  'go-to-desk': 'smsKindGoToDesk',
};

/** The placeholder that must stay in a text: the booking code, the visitor's only key to the booking. */
const CODE = 'code';

/** A {placeholder} kept left to right inside right-to-left text (its braces would turn round). */
const ltr = (text: string) => `\u2066${text}\u2069`;

/** What the last save or reset of a text answered, said again in the screen's language after a switch. */
interface Note {
  text: () => string;
  error: boolean;
}

export class VisitorMessages {
  readonly element: HTMLElement;
  private read: MessageTexts | null = null;
  private failure = '';
  /** Unsaved texts by language/kind. */
  private readonly drafts = new Map<string, string>();
  private readonly notes = new Map<string, Note>();

  constructor(private readonly screen: Screen) {
    this.element = h('section', { class: 'card', id: 'messages', 'aria-labelledby': 'messages-title' });
    screen.onLang(() => this.render());
    this.render();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.read = await api<MessageTexts>('/api/admin/notification-templates');
      this.failure = '';
    } catch (e) {
      this.failure = refusalMessage(e, this.screen.lang);
    }
    this.render();
  }

  private kindLabel(kind: string): string {
    const key = KIND_LABELS[kind];
    return key ? this.screen.t(key) : kind; // a kind newer than this screen shows by its name
  }

  private render(): void {
    const t = this.screen.t;
    const kinds = this.read ? Object.keys(this.read.placeholders) : [];
    replace(
      this.element,
      h('h2', { id: 'messages-title' }, t('smsTitle')),
      h('p', {}, t('smsHelp', { code: ltr(`{${CODE}}`) })),
      this.failure ? h('p', { class: 'error', role: 'alert' }, this.failure) : null,
      this.read ? null : this.failure ? null : h('p', {}, t('loading')),
      ...kinds.map((kind) => this.kindGroup(kind)),
    );
  }

  private kindGroup(kind: string): HTMLElement {
    const t = this.screen.t;
    const allowed = this.read?.placeholders[kind] ?? [];
    const texts = LANGS.map((l) => this.read?.templates.find((x) => x.kind === kind && x.language === l)).filter(
      (x): x is MessageText => x !== undefined,
    );
    return h(
      'fieldset',
      { class: 'group sms', 'data-kind': kind },
      h('legend', {}, this.kindLabel(kind)),
      h(
        'p',
        { class: 'placeholders' },
        `${t('smsPlaceholders')}: `,
        ...allowed.map((p) => h('code', { dir: 'ltr', 'data-placeholder': p }, `{${p}}`)),
      ),
      ...texts.map((x) => this.textForm(x, allowed)),
    );
  }

  private textForm(template: MessageText, allowed: string[]): HTMLElement {
    const t = this.screen.t;
    const lang = template.language as Lang;
    const key = `${template.language}/${template.kind}`;
    const id = `sms-${template.language}-${template.kind}`;
    const path = `/api/admin/notification-templates/${encodeURIComponent(template.language)}/${encodeURIComponent(template.kind)}`;
    let current = template;
    const area = h('textarea', {
      id,
      name: id,
      lang,
      dir: lang === 'en' ? 'ltr' : 'rtl',
      rows: 2,
      maxlength: 400,
      'aria-describedby': `${id}-count ${id}-warning ${id}-note`,
    });
    area.value = this.drafts.get(key) ?? template.text;
    const count = h('span', { id: `${id}-count`, class: 'hint sms-count' });
    const warning = h('span', { id: `${id}-warning`, class: 'hint wrong', hidden: true });
    const noteEl = h('p', { id: `${id}-note`, class: 'sms-note' });
    const state = h('span', { class: 'sms-state' });
    const save: HTMLButtonElement = h('button', { type: 'submit', 'data-action': 'save' }, t('save'));
    const reset: HTMLButtonElement = h(
      'button',
      { type: 'button', class: 'secondary', 'data-action': 'reset' },
      t('smsReset'),
    );
    const label = `${this.kindLabel(template.kind)}: ${languageLabel(lang, t)}`;
    save.setAttribute('aria-label', `${t('save')}: ${label}`);
    reset.setAttribute('aria-label', `${t('smsReset')}: ${label}`);

    const showState = () => {
      state.textContent = t(current.custom ? 'smsCustom' : 'smsDefault');
      state.dataset.custom = String(current.custom);
      reset.disabled = !current.custom;
    };
    const showCount = () => {
      const c = smsCount(area.value);
      const encoding = c.ucs2
        ? t('smsEncodingUcs2', {
            single: number(UCS2_SINGLE, this.screen.lang),
            part: number(UCS2_PART, this.screen.lang),
          })
        : t('smsEncodingGsm', {
            single: number(GSM_SINGLE, this.screen.lang),
            part: number(GSM_PART, this.screen.lang),
          });
      count.textContent = `${t('smsCount', { n: number(c.characters, this.screen.lang), parts: number(c.parts, this.screen.lang) })} (${encoding})`;
      count.dataset.parts = String(c.parts);
      // told before saving; the server does not refuse it, but a visitor without the code cannot find the booking
      const codeMissing = allowed.includes(CODE) && !placeholdersIn(area.value).includes(CODE);
      warning.hidden = !codeMissing;
      warning.textContent = codeMissing ? t('smsCodeMissing', { code: ltr(`{${CODE}}`) }) : '';
    };
    const showNote = () => {
      const note = this.notes.get(key);
      noteEl.textContent = note?.text() ?? '';
      noteEl.className = `sms-note ${note ? (note.error ? 'error' : 'notice') : ''}`.trim();
      noteEl.setAttribute('role', note?.error ? 'alert' : 'status');
      if (note?.error) area.setAttribute('aria-invalid', 'true');
      else area.removeAttribute('aria-invalid');
    };
    const answered = (x: MessageText) => {
      current = x;
      this.drafts.delete(key);
      area.value = x.text;
      this.notes.set(key, { text: () => this.screen.t('saved'), error: false });
      const i = this.read?.templates.findIndex((y) => y.kind === x.kind && y.language === x.language) ?? -1;
      if (this.read && i >= 0) this.read.templates[i] = x;
    };
    const act = async (button: HTMLButtonElement, call: () => Promise<MessageText>) => {
      await guarded(button, async () => {
        try {
          answered(await call());
        } catch (e) {
          this.notes.set(key, { text: () => this.refusal(e), error: true });
        }
      });
      showState(); // after guarded, which enables the button again
      showCount();
      showNote();
    };

    area.addEventListener('input', () => {
      this.drafts.set(key, area.value);
      showCount();
    });
    reset.addEventListener('click', () => {
      void (async () => {
        const question = t('smsConfirmReset', {
          kind: this.kindLabel(template.kind),
          language: languageLabel(lang, t),
        });
        if (!(await askFirst(this.screen, question))) return;
        await act(reset, () => api<MessageText>(path, { method: 'DELETE' }));
      })();
    });
    const form = h(
      'form',
      {
        class: 'sms-text',
        'data-language': template.language,
        onsubmit: (e: Event) => {
          e.preventDefault();
          void act(save, () =>
            api<MessageText>(path, { method: 'PUT', body: { text: area.value } satisfies MessageTextChange }),
          );
        },
      },
      h(
        'div',
        { class: 'field' },
        h(
          'div',
          { class: 'sms-head' },
          h('label', { for: id }, t('smsTextIn', { language: languageLabel(lang, t) })),
          state,
        ),
        area,
        count,
        warning,
      ),
      h('div', { class: 'row' }, save, reset),
      noteEl,
    );
    showState();
    showCount();
    showNote();
    return form;
  }

  /**
   * The refusal in the screen's language, naming the field in words rather than the server's
   * member name; the server names the placeholder that was refused and those the kind allows.
   */
  private refusal(e: unknown): string {
    const lang = this.screen.lang;
    if (!(e instanceof ApiError)) return refusalMessage(e, lang);
    return fillRefusal(refusalCode(e), { ...e.problem, member: this.screen.t('smsTextMember') }, lang);
  }
}
