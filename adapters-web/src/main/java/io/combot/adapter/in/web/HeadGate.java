package io.combot.adapter.in.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The first handler a request meets: {@link Perimeter#check} decides from the head who may call and how often, and
 * a refused request is answered at once through {@link Refusals}, its body unread. A caller let in goes on with its
 * owner in {@link ClientAccess#OWNER_ATTRIBUTE}, which the servlet request shows the controllers.
 */
final class HeadGate extends Handler.Wrapper {
    private final Perimeter perimeter;
    private final Refusals refusals;

    HeadGate(Perimeter perimeter, Refusals refusals, Handler next) {
        super(next);
        this.perimeter = perimeter;
        this.refusals = refusals;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        // The decoded, normalised path that requests are routed by: /%61pi/…, /api;x=1/… or /health/../api/… cannot
        // slip past as they would past a test of the raw URI.
        String path = Request.getPathInContext(request);
        ClientAccess.Verdict verdict = perimeter.check(path,
                request.getHeaders().get(HttpHeader.AUTHORIZATION), Request.getRemoteAddr(request));
        if (verdict.refusal() != null) {
            refusals.answer(request, response, callback, verdict.refusal());
            return true;
        }
        if (verdict.owner() != null) {
            request.setAttribute(ClientAccess.OWNER_ATTRIBUTE, verdict.owner());
        }
        return super.handle(request, response, callback);
    }
}
