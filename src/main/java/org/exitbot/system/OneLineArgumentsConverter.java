package org.exitbot.system;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.slf4j.helpers.MessageFormatter;

/**
 * The log message with every value in it on one line ({@link LogText}); the message's own text may still span
 * lines. Registered for {@code %m} in {@code logback-spring.xml}.
 */
public class OneLineArgumentsConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        Object[] arguments = event.getArgumentArray();
        if (arguments == null || arguments.length == 0) {
            return event.getFormattedMessage();
        }
        Object[] safe = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            safe[i] = arguments[i] == null ? null : LogText.oneLine(arguments[i]);
        }
        return MessageFormatter.basicArrayFormat(event.getMessage(), safe);
    }
}
