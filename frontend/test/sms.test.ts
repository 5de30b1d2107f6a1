import { describe, expect, it } from 'vitest';
import { placeholdersIn, smsCount } from '../src/lib/sms';

describe('the SMS a message text takes', () => {
  it('counts Latin text as GSM: 160 in one SMS, 153 per part', () => {
    expect(smsCount('')).toEqual({ characters: 0, parts: 0, ucs2: false });
    expect(smsCount('a'.repeat(160))).toEqual({ characters: 160, parts: 1, ucs2: false });
    expect(smsCount('a'.repeat(161)).parts).toBe(2);
    expect(smsCount('a'.repeat(306)).parts).toBe(2);
    expect(smsCount('a'.repeat(307)).parts).toBe(3);
  });

  it('counts Persian and Pashto as UCS-2: 70 in one SMS, 67 per part', () => {
    expect(smsCount('ن'.repeat(70))).toEqual({ characters: 70, parts: 1, ucs2: true });
    expect(smsCount('ن'.repeat(71)).parts).toBe(2);
    expect(smsCount('ښ'.repeat(134)).parts).toBe(2);
    expect(smsCount('ښ'.repeat(135)).parts).toBe(3);
  });

  it('sends as UCS-2 what GSM and ASCII do not share, as the server does', () => {
    expect(smsCount('Price: $5').ucs2).toBe(true);
    expect(smsCount('Ticket {T}').ucs2).toBe(true); // no placeholder: braces are GSM's extension table
    expect(smsCount('Go to desk 3 now.').ucs2).toBe(false);
  });

  it('counts the placeholders as written but lets the text around them choose the encoding', () => {
    expect(smsCount('Ticket {ticket}: desk {desk}.')).toEqual({ characters: 29, parts: 1, ucs2: false });
    expect(smsCount('نوبت {ticket}').ucs2).toBe(true);
  });

  it('reads the placeholders a text uses, once each', () => {
    expect(placeholdersIn('{ticket}: go to {desk}, {ticket}. {Code} {go-to}')).toEqual(['ticket', 'desk', 'go-to']);
  });
});
