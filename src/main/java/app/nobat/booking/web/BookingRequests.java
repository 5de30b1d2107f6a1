package app.nobat.booking.web;

import app.nobat.booking.domain.AppointmentStatus;
import app.nobat.booking.domain.SlotTemplate;
import app.nobat.booking.privacy.IdentityType;
import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/** Request and response bodies of the appointments API. Responses carry no identity number or phone in full. */
public final class BookingRequests {

    private BookingRequests() {}

    public record BookRequest(
            String centreId,
            String serviceCode,
            LocalDate date,
            LocalTime slot,
            IdentityType identityType,
            String identityNumber,
            String phone,
            String language) {}

    public record RescheduleRequest(LocalDate date, LocalTime slot) {}

    /**
     * @param phone masked: only its last digits
     */
    public record AppointmentResponse(
            String code,
            String centreId,
            String serviceCode,
            LocalDate date,
            String jalaliDate,
            @JsonFormat(pattern = "HH:mm") LocalTime slot,
            Instant startsAt,
            AppointmentStatus status,
            Instant checkInOpens,
            Instant checkInCloses,
            @Nullable String visitId,
            String qrUrl,
            @Nullable String phone,
            @Nullable String language) {}

    public record SlotView(
            @JsonFormat(pattern = "HH:mm") LocalTime start,
            Instant startsAt,
            int capacity,
            int free,
            boolean bookable) {}

    public record SlotsResponse(
            String centreId,
            String serviceCode,
            LocalDate date,
            String jalaliDate,
            @Nullable String closedReason,
            List<SlotView> slots) {}

    /** Why a day can or cannot be booked, for the calendar to mark it before a tap. */
    public enum DayState {
        OPEN,
        PAST,
        CLOSED,
        HOLIDAY,
        BEYOND_HORIZON,
        FULL,
        /** The centre is open (walk-ins are taken) but offers no appointments for the service that day. */
        NO_APPOINTMENTS
    }

    /**
     * One day of the booking calendar.
     *
     * @param holidayNames the holiday's name per language, when the state is HOLIDAY
     * @param free seats still free on the day (0 unless OPEN)
     */
    public record DayAvailability(
            LocalDate date, DayState state, @Nullable Map<String, String> holidayNames, int free) {}

    public record AvailabilityResponse(String centreId, String serviceCode, List<DayAvailability> days) {}

    public record TemplateResponse(String centreId, String serviceCode, SlotTemplate template, boolean changed) {}

    public record HolidayRequest(Map<String, String> names) {}

    public record HolidayView(LocalDate date, String jalaliDate, Map<String, String> names, HolidaySource source) {}

    public record ChangeResponse(boolean changed) {}

    /**
     * One appointment in the administrators' day list: no personal data, and instead of the
     * visitor's bearer code the reference the floor and the events know it by.
     */
    public record DayEntry(
            String reference,
            @JsonFormat(pattern = "HH:mm") LocalTime slot,
            AppointmentStatus status,
            @Nullable String visitId) {}

    public record ServiceDay(
            String serviceCode,
            Map<LocalTime, Integer> capacity,
            Map<LocalTime, Integer> taken,
            Map<AppointmentStatus, Integer> counts,
            List<DayEntry> appointments) {}

    public record DayResponse(String centreId, LocalDate date, String jalaliDate, List<ServiceDay> services) {}

    public record ErasureResponse(boolean erased) {}
}
