package io.combot.adapter.out.ml;

/**
 * Loads the classifier and classifies one text; run by {@code bin/ml bench} and by {@link OfflineLoadTest} inside
 * {@code unshare -n}, a network namespace with no interface up, to prove nothing is downloaded.
 */
final class OfflineCheck {
    private OfflineCheck() {
    }

    public static void main(String[] args) {
        try (DjlIntentClassifierAdapter classifier = new DjlIntentClassifierAdapter(ClassifierSettings.defaults())) {
            System.out.println("offline: " + classifier.modelVersion() + " classified 'Hello there!' as "
                    + classifier.classify("Hello there!").intent().label());
        }
    }
}
