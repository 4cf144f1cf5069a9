package org.exitbot.security;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.UUID;

/** One entry of the audit log: {@code reader} read the transcript of {@code interviewId} through {@code channel}. */
public record TranscriptRead(UUID interviewId, String reader, Channel channel, Instant readAt) {

    public enum Channel {
        /** {@code GET /api/interviews/{id}} */
        API("api"),
        /** the dashboard's interview page */
        DASHBOARD("dashboard"),
        /** Camunda's webapps: Tasklist's forms, or Cockpit for an administrator */
        CAMUNDA_WEBAPP("camunda-webapp"),
        /** Camunda's engine REST API */
        ENGINE_REST("engine-rest"),
        /** HR's export of corrected analyses, {@code GET /api/reports/agreement/export} */
        EXPORT("export");

        private final String code;

        Channel(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }

        static Channel fromCode(String code) {
            for (Channel channel : values()) {
                if (channel.code.equals(code)) {
                    return channel;
                }
            }
            throw new IllegalArgumentException("Unknown channel " + code);
        }
    }
}
