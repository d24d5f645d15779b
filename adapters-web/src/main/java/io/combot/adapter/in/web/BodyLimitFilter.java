package io.combot.adapter.in.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a body over the limit with 413 before anything parses it: bodies are read up to one byte past the limit,
 * whatever Content-Length claims, so neither a lying header nor a chunked stream gets more into memory. It runs in
 * front of the whole servlet, so bootstrap installs it.
 *
 * <p>The one owner of the refusal of a body over the limit. {@link WholeBodyHandler}, in front of the servlets in
 * Jetty, also reads bodies, for different jobs that need Jetty's asynchronous API and must happen before a request
 * takes a worker: waiting for a slow body without a thread (408), draining an oversized one so that its client reads
 * the 413 instead of a reset, leaving an {@code Expect: 100-continue} body unrequested. It takes the same
 * {@link WebSettings} and never answers 413 itself; the refusal is written here, after the client-key check and in the
 * shape of the path (problem+json, or OpenAI's error on {@code /v1/}), which a Jetty handler cannot know.
 */
public class BodyLimitFilter extends OncePerRequestFilter {
    private final int maxBodyBytes;

    public BodyLimitFilter(WebSettings settings) {
        this.maxBodyBytes = settings.maxBodyBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            refuse(request, response);
            return;
        }
        if (request.getContentLengthLong() == 0) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            refuse(request, response);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        Problems.write(request, response, Problems.problem(request, HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the limit of " + maxBodyBytes + " bytes"));
    }

    /** The request with its body already read into memory, within the limit. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
