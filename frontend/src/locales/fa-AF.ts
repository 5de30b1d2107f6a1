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
  // issue 12, the visitor's phone and the booking page (wt-phone)
  transferredTo: 'شما به {service} فرستاده شدید. نمبر جدید شما {ticket} است؛ تکت قبلی شما {old} دیگر اعتبار ندارد.',
  recalledGoNow: 'صدای {call}: همین حالا به {desk} بروید، ورنه نوبت خود را از دست می‌دهید.',
  leaveQuestion: 'از نوبت خود منصرف می‌شوید؟ تکت شما دیگر اعتبار نخواهد داشت.',
  bookedTitle: 'وقت گرفته شد',
  documentsToBring: 'اسنادی که با خود بیاورید',
  bookingCancelled: 'این وقت لغو شده است.',
  confirmCancelBooking: 'این وقت لغو شود؟ زمان آن به کس دیگری داده می‌شود.',
  dayBeyondHorizon: 'هنوز وقت‌دهی باز نشده',
  dayFull: 'همه وقت‌ها پر است',
};
