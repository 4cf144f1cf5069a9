package org.exitbot.analysis;

final class Words {

    private Words() {
    }

    static int count(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }
}
