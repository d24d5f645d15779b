package io.combot.adapter.in.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Spring MVC's servlet, except that TRACE is answered like any other method (405 with {@code Allow}, or 404):
 * DispatcherServlet leaves TRACE to HttpServlet, which echoes the request back.
 */
public final class WebDispatcherServlet extends DispatcherServlet {
    private static final long serialVersionUID = 1L;

    public WebDispatcherServlet(WebApplicationContext context) {
        super(context);
    }

    @Override
    protected void doTrace(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        processRequest(request, response);
    }
}
