package dev.microshop.gateway.hardening;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
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
import reactor.netty.http.HttpOperations;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers requests that Netty cannot parse with problem+json and the security headers, like every other error: a
 * request line over {@code server.netty.max-initial-line-length} gets 414, headers over
 * {@code server.max-http-request-header-size} 431, anything else (an invalid path too) 400. Without it Reactor Netty
 * answers them itself with an empty body, since such a request never reaches Spring. Sits in front of Reactor Netty's
 * HTTP handler, and closes the connection as Reactor Netty does: the bytes that follow cannot be trusted to start a
 * request.
 */
@ChannelHandler.Sharable
final class UnparsableRequestAnswers extends ChannelInboundHandlerAdapter {

    private final JsonMapper json;

    UnparsableRequestAnswers(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        Throwable failure = message instanceof HttpRequest request ? unparsable(request) : null;
        if (failure != null) {
            ReferenceCountUtil.release(message);
            context.writeAndFlush(answer(failure)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        context.fireChannelRead(message);
    }

    /** Why Netty could not decode the request, or Reactor Netty will refuse its path (a backslash, say); else null. */
    private static Throwable unparsable(HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            return request.decoderResult().cause();
        }
        try {
            HttpOperations.resolvePath(request.uri());
            return null;
        } catch (IllegalArgumentException invalidPath) {
            return invalidPath;
        }
    }

    private FullHttpResponse answer(Throwable failure) {
        ProblemDetail problem = problem(failure);
        byte[] body = json.writeValueAsBytes(problem);
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(problem.getStatus()), Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(HttpHeaderNames.CACHE_CONTROL, SecurityHeaders.NO_STORE);
        SecurityHeaders.ON_EVERY_ANSWER.forEach(response.headers()::set);
        return response;
    }

    private static ProblemDetail problem(Throwable failure) {
        if (failure instanceof TooLongHttpLineException) {
            return ProblemDetail.forStatusAndDetail(
                    HttpStatus.URI_TOO_LONG, "The request's URL is longer than the gateway accepts");
        }
        if (failure instanceof TooLongHttpHeaderException) {
            return ProblemDetail.forStatusAndDetail(
                    HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "The request's headers are larger than the gateway accepts");
        }
        if (failure instanceof IllegalArgumentException) {
            return ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "The request's path is not a valid URI path");
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is not valid HTTP");
    }
}
