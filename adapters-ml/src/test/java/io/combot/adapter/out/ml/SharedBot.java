package io.combot.adapter.out.ml;

import io.combot.domain.port.out.ClassifyMessagePort;

/**
 * The shipped bot served with the default settings but no cache of repeated texts, so that the tests that use it see
 * the model answer every call (CachingClassifierTest tests the cache); loaded once per test JVM.
 */
final class SharedBot {
    private static final DjlBotAdapter INSTANCE = load();
    /** The shipped bot's folder as the tests read it: its training and held-out examples. */
    static final BotFolder SHIPPED = BotFolder.read(BotSource.shipped());

    private SharedBot() {
    }

    static DjlBotAdapter adapter() {
        return INSTANCE;
    }

    static ClassifyMessagePort classifier() {
        return INSTANCE.current().classifier();
    }

    private static DjlBotAdapter load() {
        DjlBotAdapter adapter = new DjlBotAdapter(ShippedSettings.classifier().withCacheSize(0));
        Runtime.getRuntime().addShutdownHook(new Thread(adapter::close, "close-shared-bot"));
        return adapter;
    }
}
