package app.nobat.booking.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hashes (HMAC-SHA256 with a configured secret) that stand for an identity in the
 * one-appointment rule and for a booking code wherever the system stores one: equal inputs give
 * equal hashes, and without the secret a hash cannot be turned back by trying all inputs. So a
 * dump of the store gives away neither identity numbers nor the bearer codes of appointments.
 */
public class IdentityKeys {

    private final SecretKeySpec key;

    public IdentityKeys(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("nobat.privacy.identity-key must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String hash(IdentityType type, String normalizedNumber) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(type.name() + ":" + normalizedNumber));
    }

    /**
     * What the store keeps instead of a canonical booking code ("7KQ4-M9XH"): 128 bits of its keyed
     * hash, with a prefix that keeps it apart from the identity hashes.
     */
    public String bookingCodeKey(String canonicalCode) {
        byte[] digest = Arrays.copyOf(mac("booking-code:" + canonicalCode), 16);
        return "bc-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /** What the message rate limit counts by instead of a phone number ("+989…"). */
    public String phoneKey(String normalizedPhone) {
        byte[] digest = Arrays.copyOf(mac("phone:" + normalizedPhone), 16);
        return "ph-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private byte[] mac(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
