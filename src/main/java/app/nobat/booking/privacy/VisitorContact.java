package app.nobat.booking.privacy;

import app.nobat.booking.domain.BookingRefusal;
import app.nobat.centre.domain.CentreProfile;
import app.nobat.common.CommonRefusal;
import app.nobat.common.Digits;
import app.nobat.common.InvalidInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a visitor gives when booking, checked and put in canonical form. Error messages name the
 * field and its expected shape, never echo the value.
 */
public record VisitorContact(IdentityType identityType, String identityNumber, String phone, String language) {

    private static final Pattern IRAN_MOBILE = Pattern.compile("(?:\\+98|0098|98|0)?(9\\d{9})");
    private static final Pattern AFGHAN_MOBILE = Pattern.compile("(?:\\+93|0093)(7\\d{8})");

    public static VisitorContact of(IdentityType type, String number, String phone, String language) {
        if (type == null) {
            throw BookingRefusal.IDENTITY_TYPE_REQUIRED.at(
                    "/identityType",
                    "types",
                    Arrays.stream(IdentityType.values()).map(Enum::name).toList());
        }
        // every wrong field at once: a visitor mends the identity number and the phone in one go
        List<InvalidInput> wrong = new ArrayList<>();
        String id = compact(number).toUpperCase(Locale.ROOT);
        if (id.isEmpty() || id.length() > 20 || !type.accepts(id)) {
            wrong.add(BookingRefusal.IDENTITY_NUMBER_INVALID.at(
                    "/identityNumber", "identityType", type.name(), "shape", type.described()));
        }
        String mobile = null;
        try {
            mobile = normalizePhone(phone);
        } catch (InvalidInput e) {
            wrong.add(e);
        }
        String lang = language == null || language.isBlank() ? "fa" : language;
        if (!CentreProfile.LANGUAGES.contains(lang)) {
            wrong.add(CommonRefusal.UNKNOWN_LANGUAGE.at("/language", "member", "language"));
        }
        if (!wrong.isEmpty()) {
            throw InvalidInput.together(wrong);
        }
        return new VisitorContact(type, id, mobile, lang);
    }

    /** Iranian mobiles in any common form become +989…; Afghan mobiles must carry +93. */
    public static String normalizePhone(String phone) {
        String p = compact(phone).replace("(", "").replace(")", "");
        if (p.length() <= 16) {
            var iran = IRAN_MOBILE.matcher(p);
            if (iran.matches()) {
                return "+98" + iran.group(1);
            }
            var afghan = AFGHAN_MOBILE.matcher(p);
            if (afghan.matches()) {
                return "+93" + afghan.group(1);
            }
        }
        throw BookingRefusal.PHONE_INVALID.at("/phone");
    }

    private static String compact(String value) {
        return value == null ? "" : Digits.toLatin(value).replaceAll("[\\s\\-.]", "");
    }

    /** For logs: the last digits only. */
    public static String maskPhone(String phone) {
        return phone == null || phone.length() < 4 ? "***" : "***" + phone.substring(phone.length() - 3);
    }
}
