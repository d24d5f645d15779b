package io.combot.adapter.in.web;

import io.combot.domain.model.OwnerId;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a presented secret to its key's owner. Only digests are held; the presented secret is hashed once and
 * compared ({@link SecretDigests}) with every configured digest in constant time, without stopping at a match, so
 * timing tells nothing about which key matched or how much of a digest did.
 */
final class ClientKeys {
    private final List<AccessSettings.ClientKey> keys;

    ClientKeys(List<AccessSettings.ClientKey> keys) {
        this.keys = List.copyOf(keys);
    }

    Optional<OwnerId> ownerOf(String secret) {
        byte[] presented = SecretDigests.sha256(secret);
        OwnerId found = null;
        for (AccessSettings.ClientKey key : keys) {
            if (SecretDigests.sameDigest(key.sha256(), presented) && found == null) {
                found = key.owner();
            }
        }
        return Optional.ofNullable(found);
    }
}
