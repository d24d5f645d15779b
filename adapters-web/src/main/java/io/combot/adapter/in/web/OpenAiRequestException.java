package io.combot.adapter.in.web;

/** A chat-completion request this API refuses, with the parameter at fault, as OpenAI names them. */
final class OpenAiRequestException extends RuntimeException {
    private final String param;

    OpenAiRequestException(String param, String message) {
        super(message);
        this.param = param;
    }

    String param() {
        return param;
    }
}
