import { ApiError } from './api';
import { time } from './format';
import type { Lang, MessageKey } from './i18n';
import { translate } from './i18n';

// What a visitor reads when the API refuses: the problem's code in the visitor's language, with
// the server's own detail only where no translation exists (staff screens show the detail).

const VISITOR_MESSAGES: Record<string, MessageKey> = {
  'check-in-too-early': 'errCheckInTooEarly',
  'check-in-too-late': 'errCheckInTooLate',
  'wrong-centre': 'errWrongCentre',
  'unknown-appointment': 'errUnknownAppointment',
  'appointment-ended': 'errAppointmentEnded',
  'booking-abandoned': 'errAppointmentEnded',
  'slot-full': 'errSlotFull',
  'identity-has-appointment': 'errIdentityHasAppointment',
  'date-past': 'errNotBookable',
  'beyond-horizon': 'errNotBookable',
  'slot-started': 'errNotBookable',
  'slot-unknown': 'errNotBookable',
  'too-many-requests': 'errTooMany',
  'invalid-input': 'errInvalid',
  'malformed-body': 'errInvalid',
  'floor-closed': 'dayClosed',
};

export function visitorMessage(error: unknown, lang: Lang, timeZone?: string): string {
  if (!(error instanceof ApiError)) return translate(lang, 'retry');
  const key = VISITOR_MESSAGES[error.code];
  if (!key) return lang === 'en' ? error.message : `${translate(lang, 'retry')} (${error.message})`;
  const opensAt = typeof error.problem.opensAt === 'string' ? time(error.problem.opensAt, lang, timeZone) : '';
  return translate(lang, key, { time: opensAt });
}
