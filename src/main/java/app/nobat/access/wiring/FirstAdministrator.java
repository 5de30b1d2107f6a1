package app.nobat.access.wiring;

import app.nobat.access.staff.PasswordPolicy;
import app.nobat.access.staff.StaffAccounts;
import app.nobat.access.staff.StaffRole;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The first administrator of an empty store, from {@code NOBAT_FIRST_ADMIN_USERNAME} and
 * {@code NOBAT_FIRST_ADMIN_PASSWORD}: created once, at a start that finds no administrator account
 * (enabled or disabled), and ignored on every later start. The password is hashed and never logged.
 */
public class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private final String username;
    private final String password;
    private final StaffAccounts accounts;
    private final PasswordEncoder encoder;

    public FirstAdministrator(String username, String password, StaffAccounts accounts, PasswordEncoder encoder) {
        this.username = username == null ? "" : username.strip();
        this.password = password == null ? "" : password;
        this.accounts = accounts;
        this.encoder = encoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (username.isEmpty() && password.isEmpty()) {
            return;
        }
        if (accounts.all().stream().anyMatch(a -> a.role() == StaffRole.ADMIN)) {
            log.info("An administrator exists: NOBAT_FIRST_ADMIN_USERNAME and NOBAT_FIRST_ADMIN_PASSWORD are ignored; "
                    + "remove them");
            return;
        }
        // fail closed: a half-given or weak first administrator stops the start instead of leaving no way in
        if (!NAME.matcher(username).matches() || username.startsWith(DemoAccess.PREFIX)) {
            throw new IllegalStateException("NOBAT_FIRST_ADMIN_USERNAME must be 3 to 64 lower-case letters, digits, "
                    + "dots, dashes or underscores, not starting with '" + DemoAccess.PREFIX + "'");
        }
        try {
            PasswordPolicy.check(username, password);
        } catch (PasswordPolicy.Refused weak) {
            throw new IllegalStateException("NOBAT_FIRST_ADMIN_PASSWORD: " + weak.getMessage());
        }
        if (!accounts.create(new StaffAccounts.Account(username, encoder.encode(password), StaffRole.ADMIN, false))) {
            throw new IllegalStateException("NOBAT_FIRST_ADMIN_USERNAME names an existing staff account that is not "
                    + "an administrator; choose another name");
        }
        log.warn(
                "Created the first administrator '{}' from NOBAT_FIRST_ADMIN_USERNAME/NOBAT_FIRST_ADMIN_PASSWORD; "
                        + "change its password and remove both variables",
                username);
    }
}
