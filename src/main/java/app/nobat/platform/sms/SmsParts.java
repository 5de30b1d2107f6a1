package app.nobat.platform.sms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A text cut into the parts an SMS carries. Text entirely in the GSM 7-bit default alphabet goes
 * as such (160 characters, 153 per part once split); anything else — Persian, Pashto — goes as
 * UCS-2 (data_coding 8: 70 characters, 67 per part), and a part never ends between the two halves
 * of a surrogate pair. Split messages carry a concatenation header (UDH, 8-bit reference) in
 * every part so that the phone shows them as one.
 */
public record SmsParts(boolean ucs2, List<String> parts) {

    public static final int GSM_SINGLE = 160;
    public static final int GSM_PART = 153;
    public static final int UCS2_SINGLE = 70;
    public static final int UCS2_PART = 67;

    /** The SMPP data_coding of UCS-2 (ISO/IEC 10646). */
    public static final byte DATA_CODING_UCS2 = 0x08;

    /** The SMPP data_coding of the SMSC default alphabet. */
    public static final byte DATA_CODING_DEFAULT = 0x00;

    // the characters that are the same octet in ASCII and the GSM 03.38 default alphabet; anything
    // else (also GSM's own @, $, _ and its extension table) goes as UCS-2 rather than risk a garbled text
    private static final String GSM_SAFE =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 \n\r!\"#%&'()*+,-./:;<=>?";

    public static SmsParts of(String text) {
        boolean ucs2 = !isGsm(text);
        int single = ucs2 ? UCS2_SINGLE : GSM_SINGLE;
        int part = ucs2 ? UCS2_PART : GSM_PART;
        if (text.length() <= single) {
            return new SmsParts(ucs2, List.of(text));
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + part);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            parts.add(text.substring(start, end));
            start = end;
        }
        return new SmsParts(ucs2, List.copyOf(parts));
    }

    public static boolean isGsm(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (GSM_SAFE.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    public boolean concatenated() {
        return parts.size() > 1;
    }

    public byte dataCoding() {
        return ucs2 ? DATA_CODING_UCS2 : DATA_CODING_DEFAULT;
    }

    /**
     * The short_message of part {@code index} (0-based): the concatenation header when split,
     * then the text, UCS-2 as big-endian UTF-16; 7-bit text as one character per octet, which an
     * SMSC packs itself.
     */
    public byte[] payload(int index, int reference) {
        String text = parts.get(index);
        byte[] body = ucs2 ? text.getBytes(StandardCharsets.UTF_16BE) : text.getBytes(StandardCharsets.US_ASCII);
        if (!concatenated()) {
            return body;
        }
        byte[] payload = new byte[6 + body.length];
        payload[0] = 0x05; // header length
        payload[1] = 0x00; // concatenated short message, 8-bit reference
        payload[2] = 0x03; // element length
        payload[3] = (byte) reference;
        payload[4] = (byte) parts.size();
        payload[5] = (byte) (index + 1);
        System.arraycopy(body, 0, payload, 6, body.length);
        return payload;
    }
}
