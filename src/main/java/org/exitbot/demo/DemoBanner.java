package org.exitbot.demo;

import org.springframework.stereotype.Component;

/** What the HR pages' demo banner shows ({@code templates/hr/layout.html} reads it as {@code @demoBanner}). */
@Component("demoBanner")
class DemoBanner {

    private final DemoData demoData;

    DemoBanner(DemoData demoData) {
        this.demoData = demoData;
    }

    public long interviews() {
        return demoData.count();
    }
}
