package io.combot.adapter.in.web;

import io.combot.domain.model.OwnerId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a presented secret to its key's owner. Only digests are held; the presented secret is hashed and compared
 * with every configured digest in constant time, without stopping at a match, so timing tells nothing about which
 * key matched or how much of a digest did.
 */
final class ClientKeys {
    private final List<AccessSettings.ClientKey> keys;

    ClientKeys(List<AccessSettings.ClientKey> keys) {
        this.keys = List.copyOf(keys);
    }

    Optional<OwnerId> ownerOf(String secret) {
        byte[] presented = sha256(secret);
        OwnerId found = null;
        for (AccessSettings.ClientKey key : keys) {
            if (MessageDigest.isEqual(presented, key.sha256()) && found == null) {
                found = key.owner();
            }
        }
        return Optional.ofNullable(found);
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
