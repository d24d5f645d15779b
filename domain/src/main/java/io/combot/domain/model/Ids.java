package io.combot.domain.model;

import java.util.UUID;
import java.util.regex.Pattern;

/** Random, unguessable identifiers: version-4 UUIDs in their canonical lower-case text form. */
final class Ids {
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    private Ids() {
    }

    static String random() {
        return UUID.randomUUID().toString();
    }

    static boolean isCanonical(String value) {
        return value != null && CANONICAL_UUID.matcher(value).matches();
    }
}
