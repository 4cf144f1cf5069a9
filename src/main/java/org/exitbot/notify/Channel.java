package org.exitbot.notify;

/** A chat tool HR's channel lives in; the process's {@code channel} variable holds its {@link #code()}. */
enum Channel {
    SLACK("slack", "Slack"), TEAMS("teams", "Teams");

    private final String code;
    private final String label;

    Channel(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }

    String code() {
        return code;
    }

    static Channel of(String code) {
        for (Channel channel : values()) {
            if (channel.code.equals(code)) {
                return channel;
            }
        }
        throw new IllegalArgumentException("No channel " + code);
    }
}
