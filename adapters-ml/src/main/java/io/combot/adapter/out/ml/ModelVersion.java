package io.combot.adapter.out.ml;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short, stable name for the pair (ONNX model file, head weights file) that produced a classification. */
final class ModelVersion {
    private static final int HEX_CHARS = 12;

    private ModelVersion() {
    }

    static String of(byte[] modelDigest, byte[] headBytes) {
        MessageDigest sha = newSha256();
        sha.update(modelDigest);
        sha.update(headBytes);
        return "minilm-l6-q-" + HexFormat.of().formatHex(sha.digest()).substring(0, HEX_CHARS);
    }

    static byte[] sha256(byte[] bytes) {
        return newSha256().digest(bytes);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
