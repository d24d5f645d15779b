package io.combot.adapter.out.ml;

import io.combot.domain.port.out.ClassifyMessagePort;

/**
 * Loads the classifier and classifies one text; run by {@code bin/ml bench} and by {@link OfflineLoadTest} inside
 * {@code unshare -n}, a network namespace with no interface up, to prove nothing is downloaded.
 */
final class OfflineCheck {
    private OfflineCheck() {
    }

    public static void main(String[] args) {
        try (DjlBotAdapter classifierBot = new DjlBotAdapter(ShippedSettings.classifier())) {
            ClassifyMessagePort classifier = classifierBot.current().classifier();
            System.out.println("offline: " + classifierBot.current().modelVersion() + " classified 'Hello there!' as "
                    + classifier.classify("Hello there!").intent().label());
        }
    }
}
