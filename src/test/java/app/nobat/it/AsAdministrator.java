package app.nobat.it;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.reactive.server.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/** The integration tests' client signs in as the demo administrator unless a test says otherwise. */
@TestConfiguration(proxyBeanMethods = false)
public class AsAdministrator {

    static final String USER = "demo-admin";
    static final String PASSWORD = "demo-admin-pass";

    @Bean
    WebTestClientBuilderCustomizer signInAsAdministrator() {
        return builder -> builder.defaultHeaders(h -> h.setBasicAuth(USER, PASSWORD));
    }
}
