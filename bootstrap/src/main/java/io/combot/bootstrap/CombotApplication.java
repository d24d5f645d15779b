package io.combot.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** {@code java -jar combot.jar}: starts the service and stops it gracefully on SIGTERM or Ctrl-C. */
public final class CombotApplication {
    private static final Logger LOG = LoggerFactory.getLogger(CombotApplication.class);

    private CombotApplication() {
    }

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        // Models ship inside the jar: DJL must never try to download anything.
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        try {
            CombotServer server = CombotServer.start(CombotSettings.from(System.getenv()));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
        } catch (IllegalArgumentException e) {
            LOG.error("Configuration error: {}", e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            LOG.error("Combot failed to start", e);
            System.exit(1);
        }
    }
}
