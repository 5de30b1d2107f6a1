import type { Centre, TimelineEntry, VisitDetails } from './api';
import { deskName } from './centre';
import { h } from './dom';
import { time } from './format';
import { isMessageKey } from './i18n';
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
          h('td', {}, detail(e, screen)),
          h('td', {}, e.by ?? ''),
        ),
      ),
    ),
  );
}

/**
 * What the step says beyond its name: the reason chosen for a call out of turn or a return to the
 * queue in the screen's language, then the clerk's note; otherwise the server's detail.
 */
function detail(e: TimelineEntry, screen: Screen): string {
  const prefix = e.event === 'CALLED_OUT_OF_TURN' ? 'outOfTurn' : e.event === 'RETURNED_TO_QUEUE' ? 'return' : null;
  const key = prefix && e.reason ? `${prefix}${e.reason}` : null;
  const reason = key && isMessageKey(key) ? screen.t(key) : e.reason;
  return [reason, e.detail].filter((part) => part).join(' — ');
}
