package org.exitbot.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** How the dashboard's templates write figures: {@code ${@hrFormat.duration(d)}}. */
@Component("hrFormat")
public class DashboardFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String duration(Duration duration) {
        if (duration == null) {
            return "–";
        }
        long minutes = duration.toMinutes();
        if (minutes < 1) {
            return duration.toMillis() < 1000 ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = duration.toHours();
        return hours < 48 ? hours + " h " + (minutes % 60) + " min" : duration.toDays() + " d " + (hours % 24) + " h";
    }

    public String percent(Double share) {
        return share == null ? "–" : String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    public String score(Double score) {
        return score == null ? "–" : String.format(Locale.ROOT, "%+.2f", score);
    }

    public String time(Instant instant) {
        return instant == null ? "–" : TIME.format(instant);
    }

    public String label(String code) {
        return code == null ? "–" : code.replace('_', ' ');
    }
}
