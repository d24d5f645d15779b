package io.combot.adapter.in.web;

import io.combot.adapter.in.web.WebDtos.LabelRequest;
import io.combot.adapter.in.web.WebDtos.LabelResponse;
import io.combot.adapter.in.web.WebDtos.ReviewPageResponse;
import io.combot.domain.error.InvalidInputException;
import io.combot.domain.error.MessageNotFoundException;
import io.combot.domain.model.Intent;
import io.combot.domain.model.Labels;
import io.combot.domain.model.MessageId;
import io.combot.domain.model.ReviewReason;
import io.combot.domain.port.in.ExportLabelsUseCase;
import io.combot.domain.port.in.LabelMessageCommand;
import io.combot.domain.port.in.LabelMessageUseCase;
import io.combot.domain.port.in.ReviewInboxUseCase;
import io.combot.domain.port.in.ReviewQuery;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review inbox and labels, for an admin ({@link AdminToken} checks the token before any of this runs).
 * Texts and comments are user data: nothing here logs them.
 */
@RestController
class ReviewController {
    static final String TSV = "text/tab-separated-values";
    /**
     * What could break a line of train.tsv, each replaced by a space: every control character (tab and line breaks,
     * but also NUL, ESC and the separators 0x1C to 0x1E that Python's {@code splitlines()} splits on) and Unicode's
     * line and paragraph separators.
     */
    private static final Pattern TSV_BREAKERS = Pattern.compile("[\\p{Cc}\\u2028\\u2029]");
    /** The instants a label can have been given at, and that storage can compare: years 0 to 9999. */
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private final ReviewInboxUseCase inbox;
    private final LabelMessageUseCase labels;
    private final ExportLabelsUseCase export;
    private final ReviewWebMapper mapper;

    ReviewController(ReviewInboxUseCase inbox, LabelMessageUseCase labels, ExportLabelsUseCase export,
                     ReviewWebMapper mapper) {
        this.inbox = inbox;
        this.labels = labels;
        this.export = export;
        this.mapper = mapper;
    }

    @GetMapping(path = "/admin/review", produces = MediaType.APPLICATION_JSON_VALUE)
    ReviewPageResponse review(@RequestParam(defaultValue = "all") String reason,
                              @RequestParam(defaultValue = "50") int limit,
                              @RequestParam(required = false) String before) {
        MessageId cursor = before == null ? null : MessageId.parse(before).orElseThrow(
                () -> new InvalidInputException("before must be the messageId of an inbox item"));
        return mapper.toResponse(inbox.review(new ReviewQuery(ReviewReason.parse(reason), limit, cursor)));
    }

    @PutMapping(path = "/admin/review/{messageId}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    LabelResponse label(@PathVariable String messageId, @RequestBody LabelRequest request) {
        return mapper.toResponse(labels.label(new LabelMessageCommand(messageId(messageId),
                new Intent(request.intent()))));
    }

    /** 204 when the label is gone (or there was none on a message that exists). */
    @DeleteMapping("/admin/review/{messageId}")
    ResponseEntity<Void> unlabel(@PathVariable String messageId) {
        labels.unlabel(messageId(messageId));
        return ResponseEntity.noContent().build();
    }

    /**
     * train.tsv's format, after a comment line, oldest first: {@code intent<TAB>text<TAB># message <id>} per label
     * and {@code # unlabelled <id>} per label removed, which a merge needs to take out what it wrote for the message.
     */
    @GetMapping(path = "/admin/labels.tsv", produces = TSV + ";charset=UTF-8")
    String labelsTsv(@RequestParam(required = false) String since) {
        Optional<Instant> from = Optional.ofNullable(since).map(ReviewController::instant);
        record Line(Instant at, String messageId, String text) {
        }
        List<Line> lines = new ArrayList<>();
        export.labelsSince(from).forEach(label -> lines.add(new Line(label.labelledAt(), label.messageId().value(),
                label.intent().label() + "\t" + TSV_BREAKERS.matcher(label.text()).replaceAll(" ").strip()
                        + Labels.MESSAGE_FIELD + label.messageId())));
        export.removedLabelsSince(from).forEach(removed -> lines.add(new Line(removed.removedAt(),
                removed.messageId().value(), Labels.REMOVAL_LINE + removed.messageId())));
        lines.sort(Comparator.comparing(Line::at).thenComparing(Line::messageId));
        StringBuilder tsv = new StringBuilder("# Labels exported from Combot: intent<TAB>text<TAB># message <id>, "
                + "and # unlabelled <id> for a label removed, oldest first\n");
        lines.forEach(line -> tsv.append(line.text()).append('\n'));
        return tsv.toString();
    }

    private static Instant instant(String text) {
        String refusal = "since must be an ISO-8601 instant between the years 0 and 9999 such as "
                + "2026-11-29T10:00:00Z, not '" + text + "'";
        try {
            Instant since = Instant.parse(text);
            if (since.isBefore(EARLIEST) || since.isAfter(LATEST)) {
                throw new InvalidInputException(refusal);
            }
            return since;
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(refusal);
        }
    }

    /** Text that cannot be a message id names no message. */
    private static MessageId messageId(String text) {
        return MessageId.parse(text).orElseThrow(MessageNotFoundException::new);
    }
}
