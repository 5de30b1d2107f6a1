package app.nobat.platform.web;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request head (request line and headers) is not complete in time: from
 * the connection's start, and on a kept-alive connection from the end of the last answer. A
 * client that trickles a header a byte at a time is not saved by the trickle, unlike with an idle
 * timeout. Sits after the HTTP codec, so it sees decoded requests; one per connection.
 */
final class RequestHeaderDeadline extends ChannelDuplexHandler {

    private final long millis;
    private ScheduledFuture<?> deadline;
    private int inFlight;

    RequestHeaderDeadline(Duration timeout) {
        this.millis = timeout.toMillis();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        arm(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            inFlight++;
            cancel();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        ctx.write(msg, promise);
        if (msg instanceof LastHttpContent && inFlight > 0 && --inFlight == 0) {
            arm(ctx);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    private void arm(ChannelHandlerContext ctx) {
        cancel();
        deadline = ctx.executor()
                .schedule(
                        () -> {
                            if (inFlight == 0) {
                                ctx.close();
                            }
                        },
                        millis,
                        TimeUnit.MILLISECONDS);
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
