package io.hirepipe.defaults.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.io.IOException;
import java.util.List;

/**
 * Refuses request bodies over the limit with 413 before they are buffered: by Content-Length when
 * the client declares it, and by counting bytes when it streams chunked. The upload paths a service
 * names (a whole question bank in one file) have a limit of their own, as such a file is legitimately
 * far bigger than any other request.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final long uploadLimit;
    private final List<PathPattern> uploadPaths;

    public RequestBodyLimitFilter(long limit) {
        this(limit, limit, List.of());
    }

    /** @param uploadPaths path patterns ({@code /api/questions/import/**}) whose bodies may reach {@code uploadLimit} */
    public RequestBodyLimitFilter(long limit, long uploadLimit, List<String> uploadPaths) {
        this.limit = limit;
        this.uploadLimit = uploadLimit;
        this.uploadPaths = uploadPaths.stream().map(String::trim).filter(p -> !p.isEmpty())
                .map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request, request.getContentLengthLong());
        if (request.getContentLengthLong() > limit) {
            ProblemResponses.write(response, ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE,
                    "payload-too-large", "Payload too large",
                    "The request body exceeds the limit of " + limit + " bytes.", request.getRequestURI()));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private long limitFor(HttpServletRequest request, long declared) {
        // Without a body, or with one declared within the default limit (every read), no upload path needs matching.
        boolean noBody = declared < 0 && request.getHeader("Transfer-Encoding") == null;
        if (uploadPaths.isEmpty() || noBody || (declared >= 0 && declared <= limit)) {
            return limit;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        return uploadPaths.stream().anyMatch(pattern -> pattern.matches(path)) ? uploadLimit : limit;
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long limit;
        private long read;

        LimitedInputStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLargeException {
            read += n;
            if (read > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
