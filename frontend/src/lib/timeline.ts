import type { Centre, VisitDetails } from './api';
import { deskName } from './centre';
import { h } from './dom';
import { time } from './format';
import type { Screen } from './page';

/** A visit's timeline in the screen's language: each step, when, at which desk and by whom. */
export function timelineTable(visit: VisitDetails, screen: Screen, centre: Centre | null): HTMLElement {
  const timeZone = centre?.timeZone;
  const t = screen.t;
  return h(
    'table',
    { class: 'timeline' },
    h(
      'thead',
      {},
      h('tr', {}, ...[t('time'), t('event'), t('desk'), t('detail'), t('by')].map((c) => h('th', { scope: 'col' }, c))),
    ),
    h(
      'tbody',
      {},
      ...visit.timeline.map((e) =>
        h(
          'tr',
          {},
          h('td', {}, h('time', { datetime: e.at }, time(e.at, screen.lang, timeZone, true))),
          h('td', { 'data-step': e.event }, t(`step${e.event}`)),
          h('td', {}, e.deskId ? deskName(centre, e.deskId, screen.lang) : ''),
          h('td', {}, e.detail ?? ''),
          h('td', {}, e.by ?? ''),
        ),
      ),
    ),
  );
}
