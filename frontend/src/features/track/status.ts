import type { TrackingView } from '../../lib/api';
import type { MessageKey } from '../../lib/i18n';

/** What the visitor's phone says about its ticket, and whether it is the moment to go to a desk. */
export function describe(view: TrackingView): { key: MessageKey; callToDesk: boolean } {
  switch (view.status) {
    case 'WAITING':
      return { key: view.position <= 1 ? 'youAreNext' : 'peopleAhead', callToDesk: false };
    case 'CALLED':
      // a recall is the call again, with the warning that the turn is lost if no one comes
      return { key: view.recall > 0 ? 'recalledGoNow' : 'goToDeskNow', callToDesk: true };
    case 'IN_SERVICE':
      return { key: 'inService', callToDesk: false };
    case 'COMPLETED':
      return { key: 'completed', callToDesk: false };
    case 'NO_SHOW':
      return { key: 'noShow', callToDesk: false };
    case 'CANCELLED':
      return { key: 'cancelled', callToDesk: false };
    case 'CARRIED_OVER':
      return { key: 'carriedOver', callToDesk: false };
    default:
      return { key: 'closedTicket', callToDesk: false };
  }
}

/** A new call (or recall) of this ticket, which deserves sound and vibration once. */
export function isNewCall(before: TrackingView | null, after: TrackingView): boolean {
  if (after.status !== 'CALLED') return false;
  return !before || before.status !== 'CALLED' || before.recall !== after.recall || before.deskId !== after.deskId;
}
