package io.combot.bootstrap.e2e;

import io.combot.bootstrap.CombotServer;
import io.combot.bootstrap.CombotSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Starts the assembled service in the test's own JVM, on a free port, as the end-to-end tests run it. */
final class InProcessService {
    private InProcessService() {
    }

    /** The service with its data in {@code dataDir} and {@code extra} settings on top of the defaults. */
    static CombotServer start(Path dataDir, Map<String, String> extra) throws Exception {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("COMBOT_PORT", "0");
        settings.put("COMBOT_DATA_DIR", dataDir.toString());
        return CombotServer.start(CombotSettings.from(settings));
    }

    /** The same, on {@code database}: on PostgreSQL, each call gets a fresh schema. */
    static CombotServer start(TestDatabase database, Path dataDir, Map<String, String> extra) throws Exception {
        return start(dataDir, database.with(extra));
    }
}
