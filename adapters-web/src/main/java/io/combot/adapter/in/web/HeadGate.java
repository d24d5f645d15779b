package io.combot.adapter.in.web;

import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The first handler a request meets: {@link Perimeter#check} decides from the head who may call and how often, and
 * a refused request is answered at once, its body unread (Jetty then drops what has already arrived, and closes a
 * connection whose body is still coming rather than wait for it). A caller let in goes
 * on with its owner in {@link ClientAccess#OWNER_ATTRIBUTE}, which the servlet request shows the controllers.
 */
final class HeadGate extends Handler.Wrapper {
    private final Perimeter perimeter;

    HeadGate(Perimeter perimeter, Handler next) {
        super(next);
        this.perimeter = perimeter;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        // The decoded, normalised path that requests are routed by: /%61pi/…, /api;x=1/… or /health/../api/… cannot
        // slip past as they would past a test of the raw URI.
        String path = Request.getPathInContext(request);
        ClientAccess.Verdict verdict = perimeter.check(path,
                request.getHeaders().get(HttpHeader.AUTHORIZATION), Request.getRemoteAddr(request));
        if (verdict.refusal() != null) {
            refuse(request, response, callback, verdict.refusal());
            return true;
        }
        if (verdict.owner() != null) {
            request.setAttribute(ClientAccess.OWNER_ATTRIBUTE, verdict.owner());
        }
        return super.handle(request, response, callback);
    }

    /** Also the answer of a request the body budget turns away. */
    static void refuse(Request request, Response response, Callback callback, Refusal refusal) {
        Problems.Body body = refusal.body(Request.getPathInContext(request),
                request.getHttpURI().getPath());
        response.setStatus(refusal.status().value());
        HttpFields.Mutable headers = response.getHeaders();
        for (Map.Entry<String, String> header : refusal.headers().entrySet()) {
            headers.put(header.getKey(), header.getValue());
        }
        headers.put(HttpHeader.CONTENT_TYPE, body.contentType());
        response.write(true, ByteBuffer.wrap(body.json()), callback);
    }
}
