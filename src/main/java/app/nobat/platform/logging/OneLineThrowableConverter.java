package app.nobat.platform.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.Arrays;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * {@code %wEx}: Spring Boot's stack trace, whose frames stay on their lines, with each exception's
 * message escaped like a log message (a message may quote what a client sent).
 */
public class OneLineThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy throwable) {
        return super.throwableProxyToString(new EscapedMessages(throwable));
    }

    private record EscapedMessages(IThrowableProxy original) implements IThrowableProxy {

        @Override
        public String getMessage() {
            return LogLines.escape(original.getMessage());
        }

        @Override
        public String getClassName() {
            return original.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return original.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return original.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return original.getCause() == null ? null : new EscapedMessages(original.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            return original.getSuppressed() == null
                    ? null
                    : Arrays.stream(original.getSuppressed())
                            .map(EscapedMessages::new)
                            .toArray(IThrowableProxy[]::new);
        }

        @Override
        public boolean isCyclic() {
            return original.isCyclic();
        }
    }
}
