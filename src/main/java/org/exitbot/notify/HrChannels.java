package org.exitbot.notify;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The channels with a webhook, as {@code processes/hr-notification.bpmn} notifies each: {@code ${hrChannels.configured()}}
 * (public, as the engine calls it).
 */
@Component("hrChannels")
public class HrChannels {

    private final NotifyProperties properties;

    HrChannels(NotifyProperties properties) {
        this.properties = properties;
    }

    public List<String> configured() {
        return Arrays.stream(Channel.values())
                .filter(channel -> properties.webhook(channel).isPresent())
                .map(Channel::code)
                .toList();
    }
}
