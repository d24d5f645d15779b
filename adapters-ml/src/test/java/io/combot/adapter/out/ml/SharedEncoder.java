package io.combot.adapter.out.ml;

/** The bare encoder, for tests that look below the adapter (tokens, batches); loaded once per test JVM. */
final class SharedEncoder {
    private static final MiniLmEncoder INSTANCE = load();

    private SharedEncoder() {
    }

    static MiniLmEncoder get() {
        return INSTANCE;
    }

    private static MiniLmEncoder load() {
        ClassifierSettings settings = ShippedSettings.classifier();
        MiniLmEncoder encoder = new MiniLmEncoder(settings.maxTokens(), settings.intraOpThreads());
        Runtime.getRuntime().addShutdownHook(new Thread(encoder::close, "close-shared-encoder"));
        return encoder;
    }
}
