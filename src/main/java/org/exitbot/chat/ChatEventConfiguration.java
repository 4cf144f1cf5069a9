package org.exitbot.chat;

import org.exitbot.system.DatabaseServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChatEventConfiguration {

    /** Nodes on one PostgreSQL tell each other through its LISTEN/NOTIFY; the embedded default is one node. */
    @Bean
    ChatEventRelay chatEventRelay(DatabaseServer database, ChatEvents pages) {
        return database.isPostgres() ? new PostgresChatRelay(database, pages) : ChatEventRelay.THIS_NODE_ONLY;
    }
}
