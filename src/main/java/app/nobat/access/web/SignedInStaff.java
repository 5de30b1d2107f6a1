package app.nobat.access.web;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A staff member as signed in: the user, and the generation of the account's sessions the sign-in
 * belongs to. A session (or an open stream) is good only while that is the account's generation.
 */
public class SignedInStaff extends User {

    private final long sessionGeneration;

    public SignedInStaff(
            String username,
            String passwordHash,
            boolean disabled,
            Collection<? extends GrantedAuthority> authorities,
            long sessionGeneration) {
        super(username, passwordHash, !disabled, true, true, true, authorities);
        this.sessionGeneration = sessionGeneration;
    }

    public long sessionGeneration() {
        return sessionGeneration;
    }

    /** The same sign-in with its password re-hashed (a stronger hash is no change of password). */
    public SignedInStaff withPasswordHash(String newHash) {
        return new SignedInStaff(getUsername(), newHash, !isEnabled(), getAuthorities(), sessionGeneration);
    }

    // User's equals and hashCode compare the username only, which is what a session needs
}
