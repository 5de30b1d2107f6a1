import { h } from './dom';
import { applyLang, chosenLang, LANG_NAMES, LANGS, rememberLang, translate, type Lang, type MessageKey } from './i18n';
import type { StreamState } from './stream';

/** The language of a screen, and how it re-renders on a switch. */
export class Screen {
  lang: Lang;
  private readonly listeners: ((lang: Lang) => void)[] = [];

  constructor(search: string = location.search) {
    this.lang = chosenLang(search);
    applyLang(document, this.lang);
  }

  t = (key: MessageKey, values?: Record<string, string | number>): string => translate(this.lang, key, values);

  onLang(listener: (lang: Lang) => void): void {
    this.listeners.push(listener);
  }

  switchTo(lang: Lang): void {
    this.lang = lang;
    rememberLang(lang);
    applyLang(document, lang);
    const url = new URL(location.href);
    url.searchParams.set('lang', lang);
    history.replaceState(null, '', url);
    this.listeners.forEach((l) => l(lang));
  }

  private picker: HTMLElement | null = null;

  /** A labelled language picker: one per screen, moved along when the screen renders again. */
  languagePicker(): HTMLElement {
    if (this.picker) return this.picker;
    const select = h(
      'select',
      {
        id: 'lang',
        name: 'lang',
        onchange: (e: Event) => this.switchTo((e.target as HTMLSelectElement).value as Lang),
      },
      ...LANGS.map((l) => h('option', { value: l, lang: l, selected: l === this.lang }, LANG_NAMES[l])),
    );
    const label = h('label', { for: 'lang', class: 'visually-hidden' }, this.t('language'));
    this.onLang(() => {
      label.textContent = this.t('language');
      select.value = this.lang;
    });
    this.picker = h('span', { class: 'lang-picker' }, label, select);
    return this.picker;
  }

  /** A visible connection state for live screens: never a silent freeze. */
  connectionBadge(): { element: HTMLElement; set: (state: StreamState) => void } {
    const element = h('p', { class: 'connection', role: 'status', 'aria-live': 'polite', 'data-state': 'connecting' });
    let state: StreamState = 'connecting';
    const render = () => {
      element.dataset.state = state;
      element.textContent = this.t(state === 'live' ? 'live' : state === 'connecting' ? 'connecting' : 'reconnecting');
    };
    this.onLang(render);
    render();
    return {
      element,
      set: (s) => {
        state = s;
        render();
      },
    };
  }
}

export function param(name: string, search: string = location.search): string | null {
  return new URLSearchParams(search).get(name);
}
