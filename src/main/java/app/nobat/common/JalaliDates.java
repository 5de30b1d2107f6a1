package app.nobat.common;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.LocalDate;

/** Solar Hijri (Jalali) dates by ICU's Persian calendar, as {@code yyyy-MM-dd} with Latin digits. */
public final class JalaliDates {

    private JalaliDates() {}

    public static String format(LocalDate date) {
        PersianCalendar persian = new PersianCalendar(TimeZone.GMT_ZONE);
        persian.clear();
        Calendar gregorian = Calendar.getInstance(TimeZone.GMT_ZONE);
        gregorian.clear();
        gregorian.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth(), 12, 0);
        persian.setTimeInMillis(gregorian.getTimeInMillis());
        return String.format(
                "%04d-%02d-%02d",
                persian.get(Calendar.EXTENDED_YEAR),
                persian.get(Calendar.MONTH) + 1,
                persian.get(Calendar.DAY_OF_MONTH));
    }
}
