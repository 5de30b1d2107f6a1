import type { RefusalMessages } from './refusals-en';
import { refusalsFa } from './refusals-fa';

// Dari: the Persian messages, with the words used in Afghanistan (کوشش، رمز، سند، تلیفون، رخصتی،
// لینک، سیستم; نوبت for a booked appointment). A native speaker's review is welcome.
export const refusalsFaAF: RefusalMessages = {
  ...refusalsFa,
  'request-id-reused': 'این درخواست پیش‌تر برای کار دیگری به کار رفته است. لطفاً دوباره کوشش کنید.',
  'request-id-required': 'فراخوان با اطمینان فرستاده نشد. لطفاً دوباره کوشش کنید.',
  'malformed-request-id': 'درخواست با اطمینان فرستاده نشد. لطفاً دوباره کوشش کنید.',
  'service-or-appointment-required': 'لطفاً یک خدمت را انتخاب کنید یا کد نوبت خود را وارد کنید.',
  'recalls-exhausted': 'نوبت {ticket} تا حال {recalls} بار دوباره خوانده شده است. به جای آن «حاضر نشد» بزنید.',
  'floor-closed': 'کار امروز به پایان رسیده است. نوبت‌دهی در روز کاری بعد دوباره شروع می‌شود.',
  'unknown-ticket': 'این نوبت پیدا نشد. لینک را بررسی کنید.',
  holiday: 'روز {date} رخصتی است و نوبت داده نمی‌شود.',
  'closed-holiday': 'مرکز امروز ({date}) به خاطر رخصتی بسته است. نوبت داده نمی‌شود.',
  'slot-started': 'زمان {slot} در روز {date} شروع شده است. لطفاً زمان دیرتری انتخاب کنید.',
  'beyond-horizon': 'نوبت را فقط تا {days} روز آینده می‌توان گرفت.',
  'code-in-use': 'در گرفتن نوبت مشکلی پیش آمد. لطفاً دوباره نوبت بگیرید.',
  'booking-abandoned': 'این نوبت‌گیری نیمه‌کاره ماند. لطفاً دوباره نوبت بگیرید.',
  'identity-has-appointment': 'با این سند برای این خدمت نوبت فعالی وجود دارد.',
  'check-in-too-early': 'هنوز برای ثبت حضور زود است؛ ثبت حضور از ساعت {opensAt} شروع می\u200cشود.',
  'malformed-booking-code': 'کد نوبت ۸ حرف و رقم دارد. لطفاً آن را بررسی کنید.',
  'identity-type-required': 'لطفاً نوع سند خود را انتخاب کنید.',
  'identity-number-invalid': 'شماره سند درست نیست. لطفاً آن را بررسی کنید.',
  'phone-invalid': 'لطفاً شماره تلیفون همراه را وارد کنید: ایرانی (با ۰۹) یا افغانستانی (با ۹۳+).',
  'holiday-name-length': 'نام رخصتی ۱ تا {max} حرف دارد.',
  'note-has-number': 'یادداشت نباید عدد درازی (شماره سند یا تلیفون) داشته باشد. دلیل را بدون آن بنویسید.',
  'sign-in-failed': 'نام کاربری یا رمز نادرست است.',
  'bad-device-token': 'این دستگاه ثبت نشده یا دیگر معتبر نیست. لطفاً به مسئول سیستم خبر دهید.',
  'csrf-token': 'این صفحه کهنه شده است. لطفاً صفحه را دوباره باز کنید و دوباره کوشش کنید.',
  'too-many-requests': 'کوشش‌ها بیش از حد بود. لطفاً {retryAfterSeconds} ثانیه صبر کنید و دوباره کوشش کنید.',
  'too-many-sign-in-failures':
    'ورودهای ناکام بیش از حد بود. لطفاً {retryAfterSeconds} ثانیه صبر کنید و دوباره کوشش کنید.',
  'password-required': 'لطفاً رمز را وارد کنید.',
  'password-too-short': 'رمز دست‌کم {min} حرف لازم دارد.',
  'password-too-long': 'رمز حداکثر {max} حرف می‌تواند داشته باشد.',
  'password-contains-username': 'رمز نباید نام کاربری را در خود داشته باشد.',
  'password-too-common': 'این رمز بسیار رایج است. لطفاً عبارتی از خودتان انتخاب کنید.',
  'malformed-json': 'درخواست خوانده نشد. لطفاً دوباره کوشش کنید.',
  'body-required': 'درخواست خالی بود. لطفاً دوباره کوشش کنید.',
  'concurrent-update': 'کس دیگری همزمان همین را تغییر داد. لطفاً دوباره کوشش کنید.',
  'too-many-streams': 'صفحه‌های زنده بیش از حد باز است. لطفاً یکی را ببندید و دوباره کوشش کنید.',
  internal: 'مشکلی در سیستم پیش آمد. لطفاً دوباره کوشش کنید.',
  // the centre's voice clips (issue 12, voice)
  'voice-clip-key': '«{key}» از کلمه‌های اعلان نوبت نیست.',
  'voice-clip-type': 'این ثبت در قالبی نیست که نمایشگرها بتوانند پخش کنند. لطفاً دوباره ثبت کنید.',
  'voice-clip-size': 'ثبت باید کوتاه باشد: حداکثر {max} بایت. لطفاً فقط همان کلمه را ثبت کنید.',
  'unknown-voice-clip': 'این کلمه این‌جا ثبت نشده است.',
  // backups and rebuilds (issue 17)
  'processor-busy': '«{processor}» در حال بازسازی است یا روی سرور دیگری کار می‌کند. لطفاً بعداً دوباره کوشش کنید.',
};
