package org.exitbot.chat;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** A fresh embedded database (H2, the app's default) with the table rate limits count in, for one test. */
public final class RateCounts {

    private RateCounts() {
    }

    public static JdbcTemplate embeddedDatabase() {
        DataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:rate-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V13_1__chat_rate_counts.sql"))
                .execute(dataSource);
        return new JdbcTemplate(dataSource);
    }
}
