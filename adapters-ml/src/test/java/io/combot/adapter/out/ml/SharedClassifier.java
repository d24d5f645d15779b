package io.combot.adapter.out.ml;

/** One classifier per test JVM with the default settings: the model loads once for every test class that needs it. */
final class SharedClassifier {
    private static final DjlIntentClassifierAdapter INSTANCE = load();

    private SharedClassifier() {
    }

    static DjlIntentClassifierAdapter get() {
        return INSTANCE;
    }

    private static DjlIntentClassifierAdapter load() {
        DjlIntentClassifierAdapter classifier = new DjlIntentClassifierAdapter(ClassifierSettings.defaults());
        Runtime.getRuntime().addShutdownHook(new Thread(classifier::close, "close-shared-classifier"));
        return classifier;
    }
}
