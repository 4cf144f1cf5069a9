package org.exitbot.demo;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** HR's view of the demo data, and its removal. */
@RestController
@RequestMapping("/api/demo-data")
class DemoDataController {

    record Removed(int removed) {
    }

    private final DemoData demoData;

    DemoDataController(DemoData demoData) {
        this.demoData = demoData;
    }

    @GetMapping
    DemoData.Status status() {
        return demoData.status();
    }

    /** Removes every demo interview, with its analyses and its processes' runtime and history. */
    @DeleteMapping
    Removed remove() {
        return new Removed(demoData.remove());
    }
}
