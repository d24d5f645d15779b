package io.combot.adapter.in.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty answers itself, before Spring MVC sees the request (an ambiguous or malformed URI, oversized
 * headers, a refused request), as RFC 9457 problem+json like every other error, and never with a stack trace; on the
 * OpenAI-compatible paths in OpenAI's error shape. {@link Problems} writes both. A malformed request line or
 * oversized headers are answered before the path is known, so those stay problem+json.
 */
final class ProblemErrorHandler extends ErrorHandler {
    /** Jetty writes an error body only for GET, POST and HEAD by default; a DELETE deserves its problem too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        Problems.Body body = Problems.forPath(Request.getPathInContext(request), code, message);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, body.contentType());
        response.write(true, ByteBuffer.wrap(body.json()), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problems.MEDIA_TYPE);
        return ByteBuffer.wrap(Problems.json(status, reason));
    }
}
