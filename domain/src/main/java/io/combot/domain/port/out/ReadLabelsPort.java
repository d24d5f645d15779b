package io.combot.domain.port.out;

import io.combot.domain.model.Labels;

/**
 * Reads labels in train.tsv's format from a file or from the service's export URL. Labels that cannot be had throw
 * {@link io.combot.domain.error.UnreadableLabelsException} with a one-line message for the operator.
 */
public interface ReadLabelsPort {
    Labels read(String fileOrUrl);
}
