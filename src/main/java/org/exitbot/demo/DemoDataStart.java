package org.exitbot.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** With EXITBOT_DEMO_DATA=true, loads the demo interviews once the app is up, in the background. */
@Component
class DemoDataStart {

    private static final Logger log = LoggerFactory.getLogger(DemoDataStart.class);

    private final DemoData demoData;
    private final DemoProperties properties;

    DemoDataStart(DemoData demoData, DemoProperties properties) {
        this.demoData = demoData;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadInBackground() {
        if (!properties.enabled()) {
            return;
        }
        Thread loader = new Thread(() -> {
            try {
                demoData.load();
            } catch (RuntimeException e) {
                log.error("Loading demo data failed; remove what was loaded with DELETE /api/demo-data", e);
            }
        }, "demo-data-load");
        loader.setDaemon(true);
        loader.start();
    }
}
