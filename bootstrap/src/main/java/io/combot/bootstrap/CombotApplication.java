package io.combot.bootstrap;

import io.combot.domain.error.InvalidBotException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code java -jar combot.jar}: starts the service and stops it gracefully on SIGTERM or Ctrl-C. With arguments it runs
 * a bot command instead: {@code new-bot DIR} or {@code train DIR [--force] [--labels FILE_OR_URL]}.
 */
public final class CombotApplication {
    private static final Logger LOG = LoggerFactory.getLogger(CombotApplication.class);
    private static final int INVALID = 2;
    private static final String USAGE = "usage: combot.jar [new-bot DIR | train DIR [--force] [--labels FILE_OR_URL]]";

    private CombotApplication() {
    }

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        // Models ship inside the jar: DJL must never try to download anything.
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        if (args.length > 0) {
            try {
                System.exit(command(List.of(args)));
            } catch (IllegalArgumentException e) {
                System.err.println(args[0] + ": configuration error: " + e.getMessage());
                System.exit(INVALID);
            }
        }
        try {
            LogSettings.from(ConfigSource.load(System.getenv())).apply();
            CombotServer server = CombotServer.start(CombotSettings.from(System.getenv()));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
        } catch (IllegalArgumentException e) {
            LOG.error("Configuration error: {}", e.getMessage());
            System.exit(INVALID);
        } catch (Exception e) {
            InvalidBotException invalidBot = invalidBot(e);
            if (invalidBot != null) {
                LOG.error("The bot cannot be served: {}", invalidBot.getMessage());
                System.exit(INVALID);
            }
            LOG.error("Combot failed to start", e);
            System.exit(1);
        }
    }

    private static int command(List<String> args) {
        String name = args.get(0);
        boolean force = false;
        String labels = null;
        List<String> dirs = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--force" -> force = true;
                case "--labels" -> {
                    if (labels != null || i + 1 == args.size()) {
                        System.err.println(USAGE);
                        return INVALID;
                    }
                    labels = args.get(++i);
                }
                default -> dirs.add(args.get(i));
            }
        }
        boolean valid = dirs.size() == 1
                && (name.equals("train") || name.equals("new-bot") && !force && labels == null);
        if (!valid) {
            System.err.println(USAGE);
            return INVALID;
        }
        Path dir = Path.of(dirs.get(0));
        if (name.equals("new-bot")) {
            return BotCommands.newBot(dir, System.out, System.err);
        }
        CombotSettings settings = CombotSettings.from(System.getenv());
        return BotCommands.train(dir, force, labels, settings.ops().adminToken(), settings.classifier(),
                settings.knowledge(), System.out, System.err);
    }

    /** The bot's own complaint, however deep Spring wrapped it while creating the beans. */
    private static InvalidBotException invalidBot(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidBotException invalid) {
                return invalid;
            }
        }
        return null;
    }
}
