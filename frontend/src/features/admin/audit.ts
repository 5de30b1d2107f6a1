import { api, type Centre, type ConfigurationChange } from '../../lib/api';
import { h, replace } from '../../lib/dom';
import { digits, jalaliDay, time } from '../../lib/format';
import { isMessageKey } from '../../lib/i18n';
import type { Screen } from '../../lib/page';
import { refusalMessage } from '../../lib/problems';

// The audit of configuration changes on the admin page: who changed which centre setting, slot
// template, holiday, staff account or device token, and when, as the event store records them.

export class AuditLog {
  readonly element: HTMLElement;
  private changes: ConfigurationChange[] | null = null;
  private message = '';
  private onlyThisCentre = true;

  constructor(
    private readonly screen: Screen,
    private readonly centreId: string,
    private readonly centre: () => Centre | null,
  ) {
    this.element = h('section', { class: 'card', id: 'audit', 'aria-labelledby': 'audit-title' });
    screen.onLang(() => this.render());
    this.render();
  }

  private async load(): Promise<void> {
    try {
      const query = this.onlyThisCentre ? `?centreId=${encodeURIComponent(this.centreId)}` : '';
      this.changes = await api<ConfigurationChange[]>(`/api/admin/audit${query}`);
      this.message = '';
    } catch (err) {
      this.message = refusalMessage(err, this.screen.lang, { centre: this.centre() });
    }
    this.render();
  }

  private render(): void {
    const t = this.screen.t;
    const lang = this.screen.lang;
    const timeZone = this.centre()?.timeZone ?? 'Asia/Tehran';
    const only = h('input', { type: 'checkbox', id: 'audit-only', name: 'audit-only', checked: this.onlyThisCentre });
    only.addEventListener('change', () => {
      this.onlyThisCentre = only.checked;
    });
    const show = h('button', { type: 'submit', id: 'audit-show' }, t('auditShow'));
    const kind = (k: string) => (isMessageKey(`audit${k}`) ? t(`audit${k}` as Parameters<typeof t>[0]) : k);
    const day = (at: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(at));
    replace(
      this.element,
      h('h2', { id: 'audit-title' }, t('auditTitle')),
      h(
        'form',
        {
          class: 'row',
          onsubmit: (e: Event) => {
            e.preventDefault();
            void this.load();
          },
        },
        h('div', {}, only, h('label', { for: 'audit-only' }, t('auditOnlyThisCentre'))),
        show,
      ),
      this.changes === null
        ? null
        : this.changes.length === 0
          ? h('p', {}, t('auditNone'))
          : h(
              'table',
              { id: 'audit-table' },
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  ...[t('date'), t('time'), t('by'), t('auditWhat'), t('auditSubject'), t('auditSettings')].map((c) =>
                    h('th', { scope: 'col' }, c),
                  ),
                ),
              ),
              h(
                'tbody',
                {},
                ...this.changes.map((c) =>
                  h(
                    'tr',
                    { 'data-kind': c.kind, 'data-subject': c.subject ?? '' },
                    h('td', {}, jalaliDay(day(c.at), lang, false)),
                    h('td', {}, h('time', { datetime: c.at }, time(c.at, lang, timeZone, true))),
                    h('td', { dir: 'ltr' }, c.by),
                    h('td', {}, kind(c.kind)),
                    h(
                      'td',
                      c.kind.startsWith('HOLIDAY') ? {} : { dir: 'ltr' },
                      c.kind.startsWith('HOLIDAY') && c.subject
                        ? jalaliDay(c.subject, lang, false)
                        : digits(c.subject ?? c.centreId ?? '', lang),
                    ),
                    h('td', { dir: 'ltr' }, h('code', {}, c.changes.join(', '))),
                  ),
                ),
              ),
            ),
      this.message ? h('p', { class: 'error', role: 'alert' }, this.message) : null,
    );
  }
}
