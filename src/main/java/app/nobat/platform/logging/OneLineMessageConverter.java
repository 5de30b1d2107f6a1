package app.nobat.platform.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %m}: the formatted message on one line (registered in logback-spring.xml). */
public class OneLineMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogLines.escape(super.convert(event));
    }
}
