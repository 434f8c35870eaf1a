package io.hallmark.worker;

import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** The logger a plugin gets in a worker: every record travels to the host as a {@code log} frame. */
final class FrameLogger extends AbstractLogger {

    private static final long serialVersionUID = 1L;

    private final transient FrameChannel channel;

    FrameLogger(String name, FrameChannel channel) {
        this.name = name;
        this.channel = channel;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
            Throwable throwable) {
        String message = MessageFormatter.basicArrayFormat(messagePattern, arguments);
        if (throwable != null) {
            message += " (" + throwable + ")";
        }
        try {
            Map<String, Object> frame = FrameChannel.frame(Protocol.LOG, 0);
            frame.put("level", level.name());
            frame.put("message", message.length() > 8_192 ? message.substring(0, 8_192) + "..." : message);
            channel.send(frame);
        } catch (java.io.IOException e) {
            System.err.println(level + " " + message);
        }
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
        return false;
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
        return false;
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
        return true;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
        return true;
    }
}
