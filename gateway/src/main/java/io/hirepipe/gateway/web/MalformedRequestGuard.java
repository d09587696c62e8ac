package io.hirepipe.gateway.web;

import io.hirepipe.defaults.correlation.CorrelationId;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Answers requests that never reach Spring with a problem, not an empty body: a request line or headers too
 * long for the HTTP decoder (414, 431), a request the decoder could not read (400), and a request target that is
 * not a URI (400; Spring's Reactor adapter would answer it with a bare 400 before any filter runs). The
 * connection is closed after the answer, as the decoder cannot be trusted to find the next request.
 *
 * <p>One instance per connection: it remembers that the rest of a refused request's body is to be dropped.
 */
final class MalformedRequestGuard extends ChannelInboundHandlerAdapter {

    private boolean discarding;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            ProblemDetail problem = problemWith(request);
            if (problem != null) {
                discarding = true;
                ReferenceCountUtil.release(msg);
                respond(ctx, problem);
                return;
            }
            discarding = false;
        } else if (discarding && msg instanceof HttpContent) {
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /** The problem to answer instead of passing the request on, or null for a request Spring can read. */
    static ProblemDetail problemWith(HttpRequest request) {
        DecoderResult result = request.decoderResult();
        if (result.isFailure()) {
            Throwable cause = result.cause();
            if (cause instanceof TooLongHttpLineException) {
                return problem(HttpStatus.URI_TOO_LONG, "uri-too-long", "URI too long",
                        "The request line is longer than this server accepts.");
            }
            if (cause instanceof TooLongHttpHeaderException) {
                return problem(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large",
                        "Request header fields too large", "The request headers are larger than this server accepts.");
            }
            return problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The request is not valid HTTP.");
        }
        if (!isUri(request.uri())) {
            return problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The request target is not a valid URI (check its percent-encoding).");
        }
        return null;
    }

    /** As Spring's Reactor adapter reads it: the path and query appended to a scheme and host must parse. */
    private static boolean isUri(String target) {
        if (target.equals("*")) {
            return true;
        }
        try {
            new URI(target.startsWith("/") ? "http://localhost" + target : target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = Problems.problem(status, type, title, detail);
        problem.setProperty("correlationId", CorrelationId.newId());
        return problem;
    }

    private static void respond(ChannelHandlerContext ctx, ProblemDetail problem) {
        byte[] body = Problems.json(problem);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(problem.getStatus()), Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .set("X-Content-Type-Options", "nosniff")
                .set(CorrelationId.HEADER, String.valueOf(problem.getProperties().get("correlationId")));
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
