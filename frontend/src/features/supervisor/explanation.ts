import type { Centre, Explanation } from '../../lib/api';
import { deskName, serviceName } from '../../lib/centre';
import { h } from '../../lib/dom';
import { digits, time } from '../../lib/format';
import type { Screen } from '../../lib/page';
import { callReasonText, outOfTurnText } from '../../lib/timeline';

// "I was skipped": every ticket called while a visit waited, each with the reason stored on its
// call (the policy's class, minutes, weight, boost, score and limit, or the desk's reason for a
// call by name), and the visit's own call.

export function explanationCard(ex: Explanation, screen: Screen, centre: Centre | null): HTMLElement {
  const t = screen.t;
  const lang = screen.lang;
  const timeZone = centre?.timeZone;
  const reason = (c: { reason?: Explanation['ownCalls'][number]['reason']; outOfTurn?: string | null }) =>
    c.reason ? callReasonText(c.reason, screen) : c.outOfTurn ? outOfTurnText(c.outOfTurn, screen) : '';
  return h(
    'div',
    { class: 'explanation', id: 'explanation' },
    h('h3', {}, t('explanationTitle')),
    ex.callsWhileWaiting.length === 0
      ? h('p', {}, t('explanationNone'))
      : h(
          'table',
          { class: 'timeline' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...[t('time'), t('ticketHeader'), t('service'), t('desk'), t('explanationReason')].map((c) =>
                h('th', { scope: 'col' }, c),
              ),
            ),
          ),
          h(
            'tbody',
            {},
            ...ex.callsWhileWaiting.map((c) =>
              h(
                'tr',
                { 'data-ticket': c.ticket, class: c.sameService ? 'same-service' : '' },
                h('td', {}, h('time', { datetime: c.at }, time(c.at, lang, timeZone, true))),
                h('td', { dir: 'ltr' }, digits(c.ticket, lang)),
                h('td', {}, serviceName(centre, c.serviceCode, lang)),
                h('td', {}, deskName(centre, c.deskId, lang)),
                h('td', {}, reason(c)),
              ),
            ),
          ),
        ),
    ...ex.ownCalls.map((c) =>
      h('p', { class: 'own-call' }, t('explanationOwn', { time: time(c.at, lang, timeZone, true), reason: reason(c) })),
    ),
  );
}
