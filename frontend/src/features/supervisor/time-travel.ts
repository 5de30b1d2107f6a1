import { api, type Centre, type DayInstants, type FloorAt } from '../../lib/api';
import { deskName, serviceName } from '../../lib/centre';
import { h, replace } from '../../lib/dom';
import { addDays, digits, jalaliDay, number, time, todayIn } from '../../lib/format';
import type { Screen } from '../../lib/page';
import { refusalMessage } from '../../lib/problems';

// Time travel on the supervisor's page: a day's floor at any moment, rebuilt by the server from
// the floor's events, with a slider over the day's event instants and step-by-step playback.

/** How long playback shows each step. */
const PLAY_STEP_MS = 1000;

export class TimeTravel {
  readonly element: HTMLElement;
  private instants: string[] = [];
  private index = 0;
  private floor: FloorAt | null = null;
  private day: string;
  private message = '';
  private playing: number | null = null;
  /** Answers come back in any order while the slider moves: only the latest request's is shown. */
  private asked = 0;
  private controls: HTMLElement | null = null;
  private readonly view = h('div', { class: 'time-travel-view' });

  constructor(
    private readonly screen: Screen,
    private readonly centreId: string,
    private readonly centre: () => Centre | null,
  ) {
    this.element = h('section', { class: 'card time-travel', id: 'time-travel', 'aria-labelledby': 'tt-title' });
    this.day = todayIn(this.timeZone());
    screen.onLang(() => this.render());
    this.render();
  }

  private timeZone(): string {
    return this.centre()?.timeZone ?? 'Asia/Tehran';
  }

  private get base(): string {
    return `/api/centres/${encodeURIComponent(this.centreId)}/history`;
  }

  /** The whole section: on a language switch and when a day is loaded. */
  private render(): void {
    const t = this.screen.t;
    const lang = this.screen.lang;
    const today = todayIn(this.timeZone());
    const daySelect = h(
      'select',
      { id: 'tt-day', name: 'tt-day' },
      ...Array.from({ length: 7 }, (_, i) => addDays(today, -i)).map((d) =>
        h('option', { value: d, selected: d === this.day }, jalaliDay(d, lang)),
      ),
    );
    const show = h('button', { type: 'submit', id: 'tt-show' }, t('timeTravelShow'));
    const form = h(
      'form',
      {
        class: 'row',
        onsubmit: (e: Event) => {
          e.preventDefault();
          this.day = daySelect.value;
          void this.loadDay();
        },
      },
      h('div', {}, h('label', { for: 'tt-day' }, t('date')), daySelect),
      show,
    );
    this.controls = this.instants.length ? this.playbackControls() : null;
    replace(
      this.element,
      h('h2', { id: 'tt-title' }, t('timeTravelTitle')),
      h('p', { class: 'small' }, t('timeTravelIntro')),
      form,
      this.controls,
      this.view,
    );
    this.renderView();
  }

  private async loadDay(): Promise<void> {
    this.pause();
    const asked = ++this.asked;
    try {
      const answer = await api<DayInstants>(`${this.base}/instants?day=${this.day}`);
      if (asked !== this.asked) return;
      this.instants = answer.instants;
      this.index = 0;
      this.message = '';
      this.floor = null;
    } catch (err) {
      if (asked !== this.asked) return;
      this.instants = [];
      this.floor = null;
      this.message = refusalMessage(err, this.screen.lang, { centre: this.centre(), timeZone: this.timeZone() });
    }
    this.render();
    if (this.instants.length) await this.showStep(0);
  }

  /** The slider over the day's event instants and the buttons that step and play through them. */
  private playbackControls(): HTMLElement {
    const t = this.screen.t;
    const last = this.instants.length - 1;
    const slider = h('input', {
      type: 'range',
      id: 'tt-slider',
      name: 'tt-slider',
      min: 0,
      max: last,
      step: 1,
      value: this.index,
      'data-keep': 'false',
      'aria-valuetext': this.momentText(),
    });
    slider.addEventListener('input', () => {
      const to = Number(slider.value); // before pausing, which puts the slider back on the step shown
      this.pause();
      void this.showStep(to);
    });
    const back = h('button', { type: 'button', class: 'secondary', id: 'tt-back' }, `${t('timeTravelBack')}`);
    back.addEventListener('click', () => {
      this.pause();
      void this.showStep(this.index - 1);
    });
    const forward = h('button', { type: 'button', class: 'secondary', id: 'tt-forward' }, t('timeTravelForward'));
    forward.addEventListener('click', () => {
      this.pause();
      void this.showStep(this.index + 1);
    });
    const play = h('button', { type: 'button', id: 'tt-play', 'aria-pressed': 'false' }, t('timeTravelPlay'));
    play.addEventListener('click', () => (this.playing === null ? this.play() : this.pause()));
    return h(
      'div',
      { class: 'time-travel-controls' },
      h('label', { for: 'tt-slider' }, t('timeTravelMoment')),
      slider,
      h('div', { class: 'row' }, back, play, forward),
    );
  }

  private play(): void {
    if (this.index >= this.instants.length - 1) void this.showStep(0);
    this.playing = window.setInterval(() => {
      if (this.index >= this.instants.length - 1) {
        this.pause();
        return;
      }
      void this.showStep(this.index + 1);
    }, PLAY_STEP_MS);
    this.updateControls();
  }

  private pause(): void {
    if (this.playing !== null) window.clearInterval(this.playing);
    this.playing = null;
    this.updateControls();
  }

  private async showStep(index: number): Promise<void> {
    if (!this.instants.length) return;
    this.index = Math.max(0, Math.min(this.instants.length - 1, index));
    this.updateControls();
    const asked = ++this.asked;
    const at = this.instants[this.index];
    try {
      const floor = await api<FloorAt>(`${this.base}/floor?day=${this.day}&at=${encodeURIComponent(at)}`);
      if (asked !== this.asked) return;
      this.floor = floor;
      this.message = '';
    } catch (err) {
      if (asked !== this.asked) return;
      this.message = refusalMessage(err, this.screen.lang, { centre: this.centre(), timeZone: this.timeZone() });
    }
    this.renderView();
  }

  /** The step's time in the screen's digits, and which step of how many. */
  private momentText(): string {
    if (!this.instants.length) return '';
    const lang = this.screen.lang;
    return this.screen.t('timeTravelAt', {
      time: time(this.instants[this.index], lang, this.timeZone(), true),
      n: number(this.index + 1, lang),
      total: number(this.instants.length, lang),
    });
  }

  /** The slider and buttons follow the step without being rebuilt, so the focus stays where it is. */
  private updateControls(): void {
    if (!this.controls) return;
    const t = this.screen.t;
    const slider = this.controls.querySelector<HTMLInputElement>('#tt-slider');
    if (slider) {
      slider.value = String(this.index);
      slider.setAttribute('aria-valuetext', this.momentText());
    }
    const back = this.controls.querySelector<HTMLButtonElement>('#tt-back');
    const forward = this.controls.querySelector<HTMLButtonElement>('#tt-forward');
    if (back) back.disabled = this.index <= 0;
    if (forward) forward.disabled = this.index >= this.instants.length - 1;
    const play = this.controls.querySelector<HTMLButtonElement>('#tt-play');
    if (play) {
      play.textContent = t(this.playing === null ? 'timeTravelPlay' : 'timeTravelPause');
      play.setAttribute('aria-pressed', String(this.playing !== null));
    }
  }

  /** The queues and desks at the chosen moment. */
  private renderView(): void {
    const t = this.screen.t;
    const lang = this.screen.lang;
    const centre = this.centre();
    const f = this.floor;
    const joined = lang === 'en' ? ', ' : '، ';
    const latest = f?.display.latestCall;
    replace(
      this.view,
      this.instants.length ? h('p', { id: 'tt-now', role: 'status', 'aria-live': 'polite' }, this.momentText()) : null,
      f
        ? h(
            'div',
            {},
            h(
              'p',
              { id: 'tt-last-call' },
              latest
                ? t('timeTravelLastCall', {
                    ticket: digits(latest.ticket, lang),
                    desk: deskName(centre, latest.deskId, lang),
                  })
                : t('noCalls'),
            ),
            h(
              'table',
              { class: 'services', id: 'tt-services' },
              h(
                'caption',
                { class: 'visually-hidden' },
                `${t('waiting')}${' — '}${time(f.at, lang, this.timeZone(), true)}`,
              ),
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  ...[t('service'), t('waiting'), t('longestWait'), t('timeTravelTickets')].map((c) =>
                    h('th', { scope: 'col' }, c),
                  ),
                ),
              ),
              h(
                'tbody',
                {},
                ...f.queues.services.map((s) =>
                  h(
                    'tr',
                    { 'data-service': s.serviceCode, 'data-tickets': s.waiting.map((w) => w.ticket).join(' ') },
                    h('th', { scope: 'row' }, serviceName(centre, s.serviceCode, lang)),
                    h('td', { class: 'count' }, number(s.waitingCount, lang)),
                    h('td', {}, t('minutes', { n: number(Math.round(s.longestWaitMinutes), lang) })),
                    h(
                      'td',
                      { dir: 'ltr', class: 'tickets' },
                      s.waiting.map((w) => digits(w.ticket, lang)).join(joined),
                    ),
                  ),
                ),
              ),
            ),
            h(
              'table',
              { class: 'desks', id: 'tt-desks' },
              h(
                'thead',
                {},
                h('tr', {}, ...[t('desk'), t('status'), t('current')].map((c) => h('th', { scope: 'col' }, c))),
              ),
              h(
                'tbody',
                {},
                ...f.queues.desks.map((d) =>
                  h(
                    'tr',
                    { 'data-desk': d.deskId, 'data-status': d.status, 'data-ticket': d.currentTicket ?? '' },
                    h('th', { scope: 'row' }, deskName(centre, d.deskId, lang)),
                    h(
                      'td',
                      {},
                      t(d.status === 'OPEN' ? 'deskOpen' : d.status === 'PAUSED' ? 'deskPaused' : 'deskClosed'),
                    ),
                    h('td', {}, d.currentTicket ? digits(d.currentTicket, lang) : ''),
                  ),
                ),
              ),
            ),
          )
        : null,
      this.message ? h('p', { class: 'error', role: 'alert' }, this.message) : null,
    );
  }
}
