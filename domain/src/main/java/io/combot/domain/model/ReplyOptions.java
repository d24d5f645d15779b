package io.combot.domain.model;

import io.combot.domain.error.InvalidInputException;

/**
 * What a client may ask of a generated reply; null leaves the choice to the generator's configuration. A generator
 * may take less than asked (fewer tokens than {@code maxOutputTokens} when its own limit is lower).
 *
 * @param temperature     sampling temperature, 0 to 2
 * @param maxOutputTokens most tokens the reply may take
 */
public record ReplyOptions(Double temperature, Integer maxOutputTokens) {
    public static final ReplyOptions DEFAULT = new ReplyOptions(null, null);

    public ReplyOptions {
        InvalidInputException.require(temperature == null || temperature >= 0 && temperature <= 2,
                "temperature must lie between 0 and 2");
        InvalidInputException.require(maxOutputTokens == null || maxOutputTokens > 0,
                "the most tokens a reply may take must be positive");
    }
}
