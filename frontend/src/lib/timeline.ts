import type { Centre, TimelineEntry, VisitDetails } from './api';
import { deskName, serviceName } from './centre';
import { h } from './dom';
import { digits, jalaliDay, number, ordinal, SEPARATOR, time } from './format';
import { isMessageKey } from './i18n';
import type { Screen } from './page';

type CallReason = NonNullable<TimelineEntry['call']>;

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
          h('td', {}, detail(e, screen, centre)),
          h('td', {}, by(e.by, screen)),
        ),
      ),
    ),
  );
}

/** Who acted: a staff member or device by name, the visitor on their own phone, or the system (end of day). */
function by(actor: string | null, screen: Screen): string {
  if (actor === null) return screen.t('bySystem');
  if (actor === 'visitor') return screen.t('byVisitor');
  if (actor.startsWith('device:')) return `${screen.t('byDevice')} ${actor.slice('device:'.length)}`;
  return actor;
}

/** A number of the policy's reason in the screen's digits: whole when it is, else one decimal. */
function figure(value: number, screen: Screen): string {
  const rounded = Math.round(value * 10) / 10;
  if (Number.isInteger(rounded)) return number(rounded, screen.lang);
  const text = digits(rounded.toFixed(1), screen.lang);
  return screen.lang === 'en' ? text : text.replace('.', '٫'); // the Persian decimal separator
}

/** The policy's stored reason for a call, in the screen's language and digits. */
export function callReasonText(call: CallReason, screen: Screen): string {
  const t = screen.t;
  const parts = [
    t(call.boost > 0 ? 'callReasonBoosted' : 'callReason', {
      waited: figure(call.waitedMinutes, screen),
      weight: figure(call.weight, screen),
      boost: figure(call.boost, screen),
      score: figure(call.score, screen),
    }),
  ];
  if (call.priorityCapApplied) parts.push(t('callPriorityCap'));
  return parts.join(SEPARATOR);
}

/** The desk's stored reason for calling a ticket by name, in the screen's language. */
export function outOfTurnText(reason: string, screen: Screen): string {
  return coded('outOfTurn', reason, screen) ?? reason;
}

/** A code's label under a prefix ("closingNOT_SERVED_AT_CLOSING"), or the code itself if none exists. */
function coded(prefix: string, code: string | null, screen: Screen): string | null {
  if (!code) return null;
  const key = `${prefix}${code}`;
  return isMessageKey(key) ? screen.t(key) : code;
}

/**
 * What the step says beyond its name, in the screen's language: how a visit arrived and with which
 * priority, the policy's reason for a call (the answer to "I was skipped"), which recall, a
 * transfer's services, why it was cancelled or closed; then any words a person typed.
 */
function detail(e: TimelineEntry, screen: Screen, centre: Centre | null): string {
  const t = screen.t;
  const lang = screen.lang;
  const parts: (string | null)[] = [];
  switch (e.event) {
    case 'ARRIVED':
      parts.push(
        e.reason === 'CARRIED_OVER' && e.detail
          ? t('arrivedCARRIED_OVER', { date: jalaliDay(e.detail, lang, false) })
          : coded('arrived', e.reason, screen),
      );
      if (e.priorityClass) {
        parts.push(
          `${t('priority')}: ${e.priorityClass === 'NONE' ? t('regularPriority') : t(`priority${e.priorityClass}`)}`,
        );
      }
      return parts.filter((p) => p).join(SEPARATOR);
    case 'CALLED':
      if (!e.call) return e.detail ?? '';
      return callReasonText(e.call, screen);
    case 'RECALLED':
      return e.recall ? t('displayCallNth', { n: ordinal(e.recall + 1, lang) }) : '';
    case 'TRANSFERRED':
      return e.fromServiceCode
        ? t('transferredFromTo', {
            from: serviceName(centre, e.fromServiceCode, lang),
            to: serviceName(centre, e.serviceCode, lang),
          })
        : '';
    case 'CALLED_OUT_OF_TURN':
      parts.push(coded('outOfTurn', e.reason, screen));
      break;
    case 'RETURNED_TO_QUEUE':
      parts.push(coded('return', e.reason, screen));
      break;
    case 'CANCELLED':
      parts.push(coded('cancel', e.reason, screen));
      break;
    case 'CLOSED':
    case 'CARRIED_OVER':
      parts.push(coded('closing', e.reason, screen));
      break;
    default:
      break;
  }
  parts.push(e.detail);
  return parts.filter((p) => p).join(SEPARATOR);
}
