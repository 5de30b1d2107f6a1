package app.nobat.booking.privacy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The keyed hash (HMAC-SHA256 with a configured secret) that stands for an identity in the
 * one-appointment rule: equal identities give equal hashes, and without the secret the hash
 * cannot be turned back into a number by trying all of them.
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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((type.name() + ":" + normalizedNumber).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
