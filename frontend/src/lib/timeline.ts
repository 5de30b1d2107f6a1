import type { VisitDetails } from './api';
import { h } from './dom';
import { time } from './format';
import type { Screen } from './page';

/** A visit's timeline: each step, when, where and by whom. */
export function timelineTable(visit: VisitDetails, screen: Screen, timeZone?: string): HTMLElement {
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
          h('td', {}, e.event),
          h('td', {}, e.deskId ?? ''),
          h('td', {}, e.detail ?? ''),
          h('td', {}, e.by ?? ''),
        ),
      ),
    ),
  );
}
