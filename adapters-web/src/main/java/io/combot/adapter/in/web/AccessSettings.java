package io.combot.adapter.in.web;

import io.combot.domain.model.OwnerId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may call the API and how fast.
 *
 * @param keys              the client keys, each a name (the owner of the sessions it creates) and the SHA-256 of
 *                          the secret; none means the API is open and every caller is {@link OwnerId#ANONYMOUS}
 * @param requestsPerSecond the rate at which each key's token bucket refills
 * @param burst             the bucket's size: requests a key may send at once after a pause
 */
public record AccessSettings(List<ClientKey> keys, double requestsPerSecond, int burst) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    /** A configured key: its name and the SHA-256 digest of its secret; the secret itself is never configured. */
    public record ClientKey(String name, byte[] sha256) {
        public ClientKey {
            if (name == null || !NAME.matcher(name).matches() || name.equals(OwnerId.ANONYMOUS.value())) {
                throw new IllegalArgumentException("A key name is 1 to 64 of A-Z a-z 0-9 . _ - and not '"
                        + OwnerId.ANONYMOUS.value() + "'");
            }
            if (sha256 == null || sha256.length != 32) {
                throw new IllegalArgumentException("Key '" + name + "' needs a SHA-256 digest of 32 bytes");
            }
            sha256 = sha256.clone();
        }

        OwnerId owner() {
            return new OwnerId(name);
        }

        @Override
        public byte[] sha256() {
            return sha256.clone();
        }

        /** Never the digest: settings get logged. */
        @Override
        public String toString() {
            return "ClientKey[" + name + "]";
        }
    }

    public AccessSettings {
        keys = List.copyOf(keys);
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("COMBOT_RATE_LIMIT_PER_SECOND must be a positive number");
        }
        if (burst < 1) {
            throw new IllegalArgumentException("COMBOT_RATE_LIMIT_BURST must be at least 1");
        }
        Set<String> names = new HashSet<>();
        Set<String> digests = new HashSet<>();
        for (ClientKey key : keys) {
            if (!names.add(key.name())) {
                throw new IllegalArgumentException("COMBOT_API_KEYS names '" + key.name() + "' twice");
            }
            if (!digests.add(HexFormat.of().formatHex(key.sha256()))) {
                throw new IllegalArgumentException("COMBOT_API_KEYS gives key '" + key.name()
                        + "' the same digest as another key");
            }
        }
    }

    /** Keys from {@code name:sha256hex} pairs separated by commas, as {@code COMBOT_API_KEYS} holds them. */
    public static List<ClientKey> parseKeys(String text) {
        List<ClientKey> keys = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return keys;
        }
        for (String entry : text.split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            String digest = colon < 0 ? "" : trimmed.substring(colon + 1).trim();
            if (colon < 0 || !SHA256_HEX.matcher(digest).matches()) {
                throw new IllegalArgumentException("COMBOT_API_KEYS entry " + (keys.size() + 1)
                        + " must be name:sha256hex (64 hex digits); hash a key with bin/combot new-key");
            }
            keys.add(new ClientKey(trimmed.substring(0, colon).trim(), HexFormat.of().parseHex(digest)));
        }
        return keys;
    }

    /** No keys: anyone who reaches the port may call the API. */
    public boolean open() {
        return keys.isEmpty();
    }

    @Override
    public String toString() {
        return "AccessSettings[keys=" + keys.size() + ", requestsPerSecond=" + requestsPerSecond + ", burst=" + burst
                + "]";
    }
}
