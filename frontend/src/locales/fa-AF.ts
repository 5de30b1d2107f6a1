import type { Messages } from './en';
import { fa } from './fa';

// Dari: the Persian labels, with the words that differ in Afghanistan. Written by the team; a
// native speaker's review is welcome.
export const faAF: Messages = {
  ...fa,
  appointmentCode: 'کد نوبت',
  scanToFollow: 'برای پیگیری نوبت با موبایل، این کد را اسکن کنید',
  keepTicket: 'این تکت را نگه دارید و نمبر خود را در صفحه تعقیب کنید',
  completed: 'خدمت شما به پایان رسید. تشکر از شما.',
  bookTitle: 'گرفتن وقت',
  phone: 'شماره تلیفون همراه',
  idPASSPORT: 'پاسپورت',
  book: 'گرفتن وقت',
  bookingCode: 'کد نوبت',
  findBooking: 'یافتن وقت من',
  cancelBooking: 'لغو وقت',
  statusBOOKED: 'گرفته شده',
  password: 'رمز',
  signInFailed: 'نام کاربری یا رمز نادرست است',
  openingHours: 'ساعات کار',
  // desk console: a named ticket, a return to the queue (issue 13, wt-call)
  outOfTurnAPPOINTMENT: 'وقت گرفته شده در همین ساعت',
  returnVISITOR_NOT_READY: 'آماده نیست (سندی کم دارد)',
  // the TV display (issue 12, wt-tv)
  displayDeskFree: 'آماده برای نمبر بعدی',
  // the announcements' voice (issue 12, voice): the admin page's recording of words
  voiceRecordIn: 'کلمه‌ها به زبان',
  voiceWord: 'کلمه',
  voiceHelp:
    'هر نوبت با این کلمه‌ها، یکی پس از دیگری، اعلان می‌شود. هر کلمه را ثبت کنید، گوش کنید و اگر واضح نبود دوباره ثبت کنید. کلمه‌ای که این‌جا ثبت نشده با صدای اصلی گفته می‌شود.',
  voiceTitle: 'صدای اعلان نوبت',
  announcementLanguages: 'زبان‌های اعلان، به ترتیب',
  voiceOwn: 'ثبت همین مرکز',
  voiceDefault: 'صدای اصلی',
  voiceMissing: 'ثبت نشده',
  voiceStatus: 'ثبت',
  record: 'ثبت',
  microphoneUnavailable: 'مایکروفون در این براوزر در دسترس نیست.',
  // the visitors' SMS texts (issue 12, templates): Dari words
  smsTitle: 'پیام‌های کوتاه مراجعان',
  smsHelp:
    'این متن‌ها با پیام کوتاه (SMS) به زبان هر مراجع فرستاده می‌شوند. متن‌های نوبت (ثبت، تبدیل، یادآوری) باید کود نوبت {code} را داشته باشند: مراجع نوبت خود را با آن دوباره پیدا می‌کند. شمار حرف‌ها برای متن نوشته‌شده است؛ نام‌ها، تاریخ‌ها و نمبرهایی که جای‌گزین می‌شوند آن را درازتر می‌سازند.',
  smsKindMoved: 'تبدیل نوبت',
  smsKindGoToDesk: 'رفتن به کلکین',
  smsCount: '{n} حرف، {parts} پیام کوتاه',
  smsEncodingUcs2: 'یونیکود: {single} حرف در یک پیام کوتاه، {part} در هر بخش',
  smsEncodingGsm: 'لاتین: {single} حرف در یک پیام کوتاه، {part} در هر بخش',
  smsCodeMissing: 'کود نوبت {code} در این متن نیست: مراجع نمی‌تواند نوبت خود را پیدا کند.',
  // kiosk (issue 12): Dari words
  kioskPrinting: 'نوبت شما چاپ می‌شود. آن را از پرنتر پایین بردارید.',
  kioskScanHint: 'کد QR نوبت خود را پیش روی کمره بگیرید.',
  kioskNoCamera: 'کمره در دسترس نیست. لطفاً کد را وارد کنید.',
  kioskCodeFound: 'وقت شما پیدا شد',
  // issue 18, messages to walk-ins: Dari words
  kioskPhoneLabel: 'نمبر موبایل (اختیاری)',
  kioskPhoneWhy: 'فقط برای اینکه نزدیک شدن نوبت و نمبر کلکین را برایتان پیام کنیم. در پایان امروز پاک می‌شود.',
  smsToday: 'پیام‌های امروز',
  // issue 12, the visitor's phone and the booking page (wt-phone)
  yourTicket: 'نمبر نوبت شما',
  transferredTo: 'شما به {service} فرستاده شدید. نمبر جدید شما {ticket} است؛ تکت قبلی شما {old} دیگر اعتبار ندارد.',
  recalledGoNow: 'صدای {call}: همین حالا به {desk} بروید، ورنه نوبت خود را از دست می‌دهید.',
  leaveQuestion: 'از نوبت خود منصرف می‌شوید؟ تکت شما دیگر اعتبار نخواهد داشت.',
  bookedTitle: 'وقت گرفته شد',
  documentsToBring: 'اسنادی که با خود بیاورید',
  bookingCancelled: 'این وقت لغو شده است.',
  confirmCancelBooking: 'این وقت لغو شود؟ زمان آن به کس دیگری داده می‌شود.',
  dayBeyondHorizon: 'هنوز وقت‌دهی باز نشده',
  dayFull: 'همه وقت‌ها پر است',
  dayHolidayLegend: 'رخصتی رسمی',
  // the staff screens: Dari words
  byVisitor: 'خود مراجعه‌کننده (با تلیفون)',
  cancelLEFT_BY_PHONE: 'مراجعه‌کننده رفت (با تلیفون خود لغو کرد)',
  holidayNameIn: 'نام رخصتی به {language}',
  addressIn: 'آدرس به {language}',
  documentIn: 'نام سند به {language}',
  documentItem: 'سند {n}',
  noAccess: 'شما با نام {name} ({role}) وارد شده‌اید. این صفحه فقط برای مدیران سیستم است.',
  roleADMIN: 'مدیر سیستم',
  confirmLift: 'رخصتی {date} برداشته شود؟',
  holidaySourcenational: 'رخصتی رسمی',
  // supervisor: staffing advice (issue 14): Dari's words where they differ
  staffingIntro:
    'تا {share}٪ مراجعین بیش از زمان هدف خدمت خود منتظر نمانند: فرمول ارلنگ C بر اساس آمدن و مدت خدمت یک ساعت گذشته. باجه‌ای که چند خدمت دارد در سطر هر یک از آن‌ها شمرده می‌شود؛ سطر باجه‌های مشترک آن را یک بار و در برابر بار همه آن خدمت‌ها یکجا می‌شمارد.',
  staffingLine: '{service}: {serving}، {needed} برای هدف {target} دقیقه با آمدن این ساعت',
  staffingRate: '{rate} نفر فی ساعت، هر نفر تقریباً {minutes} دقیقه',
  staffingAllServices: 'همه خدمات یکجا',
  // reports (issue 15)
  colWalkIns: 'بدون نوبت قبلی',
  colAppointments: 'با نوبت قبلی',
  colBooked: 'نوبت‌های گرفته‌شده',
  // time travel and "I was skipped" (issue 15, wt-history)
  timeTravelTickets: 'نمبرهای در انتظار',
  timeTravelLastCall: 'آخرین فراخوان: نمبر {ticket} در {desk}',
  explanationTitle: 'فراخوانده‌شده در مدت انتظار این نمبر',
  explanationNone: 'در مدت انتظار این نمبر، نمبر دیگری فراخوانده نشد.',
  explanationOwn: 'این نمبر در {time} فراخوانده شد: {reason}',
  auditHOLIDAY_DECLARED: 'اعلام رخصتی',
  auditHOLIDAY_LIFTED: 'لغو رخصتی',
};
