package org.exitbot.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Starts the packaged app as {@code nodes} processes on one database, one after the other (the first creates the
 * schema), configured only through the environment variables of the README: one link secret for all, mail to the
 * benchmark's SMTP server, Ollama at the stub, HR and admin passwords of the run, each node on its own loopback
 * port and with its own data folder.
 */
final class NodeLauncher {

    static final Duration START_UP = Duration.ofMinutes(10);
    static final String PUBLIC_URL = "http://exitbot.bench.invalid";
    static final String HR_USER = "hr";

    private final String hrPassword = secret();
    private final String adminPassword = secret();
    private final String linkSecret = secret();

    String hrPassword() {
        return hrPassword;
    }

    List<AppNode> launch(LoadOptions options, BenchDatabase database, int smtpPort, String ollamaUrl, Path folder)
            throws IOException, InterruptedException {
        List<AppNode> nodes = new ArrayList<>();
        try {
            for (int number = 1; number <= options.nodes(); number++) {
                Path data = Files.createDirectories(folder.resolve("node-" + number));
                int port = AppNode.freePort();
                AppNode node = AppNode.start(number, port, options.appJar(), options.nodeJvmArgs(),
                        env(options, database, "exitbot-node-" + number, port, data, smtpPort, ollamaUrl),
                        folder.resolve("node-" + number + ".log"));
                nodes.add(node);
                Duration took = node.awaitHealthy(START_UP);
                System.out.printf("  %s healthy on %s after %.1f s (pid %d, log %s)%n", node.name(), node.uri(""),
                        took.toMillis() / 1000.0, node.pid(), node.log());
            }
            return nodes;
        } catch (IOException | InterruptedException | RuntimeException e) {
            for (AppNode node : nodes) {
                node.close();
            }
            throw e;
        }
    }

    private Map<String, String> env(LoadOptions options, BenchDatabase database, String applicationName, int port,
            Path data, int smtpPort, String ollamaUrl) {
        Map<String, String> env = AppNode.inheritedEnvironment();
        env.put("DATABASE_URL", database.url(applicationName));
        env.put("DATABASE_USERNAME", "postgres");
        env.put("DATABASE_PASSWORD", "");
        env.put("EXITBOT_DATA_DIR", data.toAbsolutePath().toString());
        env.put("EXITBOT_PUBLIC_URL", PUBLIC_URL);
        env.put("EXITBOT_ORGANISATION_NAME", "Bench Ltd");
        env.put("EXITBOT_LINK_SECRET", linkSecret);
        env.put("EXITBOT_HR_PASSWORD", hrPassword);
        env.put("EXITBOT_ADMIN_PASSWORD", adminPassword);
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", String.valueOf(smtpPort));
        env.put("OLLAMA_BASE_URL", ollamaUrl);
        env.put("PORT", String.valueOf(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        if (options.rateLimit() > 0) {
            env.put("EXITBOT_CHAT_RATE_PER_LINK", String.valueOf(options.rateLimit()));
            env.put("EXITBOT_CHAT_RATE_PER_ADDRESS", String.valueOf(options.rateLimit()));
        }
        env.putAll(options.nodeEnv());
        return env;
    }

    private static String secret() {
        byte[] bytes = new byte[33];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
