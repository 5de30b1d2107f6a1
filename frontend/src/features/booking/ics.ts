// A booking as a calendar file (RFC 5545), built in the browser: one VEVENT at the slot in the
// centre's time zone, the centre's name and address, the booking code in the description. Nothing
// personal beyond the code.

export interface IcsBooking {
  code: string;
  /** The slot's start, an ISO instant. */
  startsAt: string;
  minutes: number;
  timeZone: string;
  title: string;
  location: string;
  description: string;
  /** When the file is made (DTSTAMP); the clock's now. */
  now: Date;
}

/** Text values escape backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets continue on the next line after a space, never inside a character. */
export function fold(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74; // a continuation line starts with a space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

function parts(at: Date, timeZone: string): Record<string, string> {
  const list = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(at);
  return Object.fromEntries(list.map((p) => [p.type, p.value]));
}

/** "20261201T093000": the local time of an instant in a zone. */
export function localStamp(at: Date, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.year}${p.month}${p.day}T${p.hour}${p.minute}${p.second}`;
}

/** "+0330": the zone's offset from UTC at an instant. */
export function offset(at: Date, timeZone: string): string {
  const name = parts(at, timeZone).timeZoneName ?? 'GMT'; // "GMT+03:30", or "GMT" for UTC
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  return m ? `${m[1]}${m[2]}${m[3] ?? '00'}` : '+0000';
}

function utcStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function icsFile(b: IcsBooking): string {
  const start = new Date(b.startsAt);
  const end = new Date(start.getTime() + b.minutes * 60_000);
  const tz = b.timeZone;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Nobat//Booking//EN',
    'CALSCALE:GREGORIAN',
    'BEGIN:VTIMEZONE',
    `TZID:${tz}`,
    'BEGIN:STANDARD',
    `DTSTART:${localStamp(start, tz).slice(0, 8)}T000000`,
    `TZOFFSETFROM:${offset(start, tz)}`,
    `TZOFFSETTO:${offset(start, tz)}`,
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `UID:${b.code}@nobat`,
    `DTSTAMP:${utcStamp(b.now)}`,
    `DTSTART;TZID=${tz}:${localStamp(start, tz)}`,
    `DTEND;TZID=${tz}:${localStamp(end, tz)}`,
    `SUMMARY:${escapeText(b.title)}`,
    `LOCATION:${escapeText(b.location)}`,
    `DESCRIPTION:${escapeText(b.description)}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
