import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/lib/api';
import { visitorMessage } from '../src/lib/problems';

const problem = (code: string, extra: Record<string, unknown> = {}) =>
  new ApiError(409, { type: `https://nobat.app/problems/${code}`, detail: `English detail of ${code}`, ...extra });

describe('visitor messages', () => {
  it('tells a visitor why, in their language', () => {
    expect(visitorMessage(problem('slot-full'), 'fa')).toBe('این زمان همین حالا پر شد. لطفاً زمان دیگری انتخاب کنید.');
    expect(visitorMessage(problem('check-in-too-early', { opensAt: '2026-12-07T06:30:00Z' }), 'ps', 'Asia/Tehran'))
      .toBe('د حاضرۍ لپاره لا وختي دی؛ حاضري له ۱۰:۰۰ بجو پیلېږي.');
    expect(visitorMessage(problem('check-in-too-early', { opensAt: '2026-12-07T06:30:00Z' }), 'en', 'Asia/Tehran'))
      .toBe('It is too early to check in; check-in opens at 10:00.');
    expect(visitorMessage(new ApiError(400, { type: 'https://nobat.app/problems/invalid-input', detail: 'phone …' }), 'fa-AF'))
      .toBe('لطفاً اطلاعات واردشده را بررسی کنید.');
  });

  it('falls back to the server detail, and to "try again" for network failures', () => {
    expect(visitorMessage(problem('something-new'), 'en')).toBe('English detail of something-new');
    expect(visitorMessage(problem('something-new'), 'fa')).toContain('English detail of something-new');
    expect(visitorMessage(new TypeError('Failed to fetch'), 'en')).toBe('Try again');
  });
});
