package io.combot.domain.port.out;

import io.combot.domain.model.FittedHead;
import io.combot.domain.model.Intent;
import io.combot.domain.model.LabelledText;
import java.util.List;
import java.util.function.Consumer;

/** Fits an intent head on embedded training texts, choosing its settings by cross-validation. */
public interface FitIntentHeadPort {
    /**
     * @param embedded  the embedding of each training text, in order
     * @param progress  gets a line per finished fit, from any thread
     */
    FittedHead fit(List<Intent> intents, List<LabelledText> train, List<float[]> embedded, Consumer<String> progress);
}
