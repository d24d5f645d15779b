package io.combot.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.model.OwnerId;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientKeysTest {
    private static final String ALICE_DIGEST = "f0a8ad01fbc0f2aa0b6fc4e2a3af9c1c5d0ab0c27c6e0bb2be4826f7c1c67b1d";
    private static final String OTHER_DIGEST = "0a8ad01fbc0f2aa0b6fc4e2a3af9c1c5d0ab0c27c6e0bb2be4826f7c1c67b1d0";

    private static String digestOf(String secret) {
        return HexFormat.of().formatHex(SecretDigests.sha256(secret));
    }

    @Test
    void theDigestIsThePlainSha256OfTheSecretAsSha256sumPrintsIt() {
        assertThat(digestOf("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aSecretResolvesToItsKeysOwnerAndNothingElseDoes() {
        ClientKeys keys = new ClientKeys(AccessSettings.parseKeys(
                "alice:" + digestOf("alice-secret") + ", bob:" + digestOf("bob-secret").toUpperCase()));

        assertThat(keys.ownerOf("alice-secret")).contains(new OwnerId("alice"));
        assertThat(keys.ownerOf("bob-secret")).contains(new OwnerId("bob"));
        assertThat(keys.ownerOf("alice-secre")).isEmpty();
        assertThat(keys.ownerOf(digestOf("alice-secret"))).as("the digest is not the key").isEmpty();
        assertThat(keys.ownerOf("")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "alice:abc", "alice:" + ALICE_DIGEST + "00", ":" + ALICE_DIGEST,
            "anonymous:" + ALICE_DIGEST, "a b:" + ALICE_DIGEST,
            "alice:" + ALICE_DIGEST + ",alice:" + OTHER_DIGEST,
            "alice:" + ALICE_DIGEST + ",bob:" + ALICE_DIGEST})
    void malformedOrAmbiguousKeyListsAreRefusedWithoutEchoingADigest(String text) {
        assertThatThrownBy(() -> new AccessSettings(AccessSettings.parseKeys(text), 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(ALICE_DIGEST));
    }

    @Test
    void settingsNeverPrintADigest() {
        AccessSettings settings = new AccessSettings(AccessSettings.parseKeys("alice:" + ALICE_DIGEST), 5, 10);

        assertThat(settings.toString()).doesNotContain(ALICE_DIGEST).contains("keys=1");
        assertThat(settings.keys()).extracting(Object::toString).containsExactly("ClientKey[alice]");
        assertThat(new AccessSettings(List.of(), 5, 10).open()).isTrue();
    }
}
