package app.nobat.access.wiring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The first administrator of an empty store (README, "Production"); empty when not given. */
@ConfigurationProperties("nobat.first-admin")
public record FirstAdminSettings(String username, String password) {

    public FirstAdminSettings {
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }

    /** Never the password, wherever the settings are printed. */
    @Override
    public String toString() {
        return "FirstAdminSettings[username=" + username + ", password=" + (password.isEmpty() ? "" : "***") + "]";
    }
}
