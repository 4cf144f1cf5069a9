package org.exitbot.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * The database every node of a deployment shares: whether it is the embedded default (H2 in the data folder, one
 * node only) or PostgreSQL, and connections of its own for work that must not hold one of the pool's.
 */
@Component
public class DatabaseServer {

    private final String url;
    private final String username;
    private final String password;

    public DatabaseServer(DataSourceProperties dataSource) {
        this.url = dataSource.determineUrl();
        this.username = dataSource.determineUsername();
        this.password = dataSource.determinePassword();
    }

    /** H2 and the like run inside this one process: nothing they hold is shared with another node. */
    public boolean isEmbedded() {
        return url == null || url.startsWith("jdbc:h2:") || url.startsWith("jdbc:hsqldb:")
                || url.startsWith("jdbc:derby:");
    }

    public boolean isPostgres() {
        return url != null && url.startsWith("jdbc:postgresql:");
    }

    /** A connection outside the pool, for a listener that holds it for as long as the node runs. */
    public Connection connectOutsidePool() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }
}
