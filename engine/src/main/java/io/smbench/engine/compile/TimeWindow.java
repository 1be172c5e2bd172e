package io.smbench.engine.compile;

import java.math.BigDecimal;

/**
 * The part of a capture to compile, in microseconds from its first packet: {@code FROM..TO} in
 * seconds (decimals allowed, either side may be empty: {@code 5..}, {@code ..12.5}). Both ends are
 * included.
 */
public record TimeWindow(long fromMicros, long toMicros) {
    /** The whole capture. */
    public static final TimeWindow ALL = new TimeWindow(0, Long.MAX_VALUE);

    public TimeWindow {
        if (fromMicros < 0 || toMicros < fromMicros) {
            throw new IllegalArgumentException("time range must have 0 <= FROM <= TO, was " + fromMicros + " us.."
                    + toMicros + " us");
        }
    }

    /** Parses {@code FROM..TO}; the message of the exception says which side is wrong and why. */
    public static TimeWindow parse(String text) {
        int dots = text.indexOf("..");
        if (dots < 0 || text.indexOf("..", dots + 1) >= 0) {
            throw new IllegalArgumentException("time range takes FROM..TO in seconds (5..12.5, 5.., ..12.5), was '"
                    + text + "'");
        }
        long from = micros(text.substring(0, dots).trim(), "FROM", 0, text);
        long to = micros(text.substring(dots + 2).trim(), "TO", Long.MAX_VALUE, text);
        if (to < from) {
            throw new IllegalArgumentException("time range '" + text + "': TO is before FROM");
        }
        return new TimeWindow(from, to);
    }

    private static long micros(String seconds, String side, long empty, String text) {
        if (seconds.isEmpty()) {
            return empty;
        }
        try {
            BigDecimal value = new BigDecimal(seconds);
            if (value.signum() < 0) {
                throw new IllegalArgumentException("time range '" + text + "': " + side + " is negative");
            }
            return value.movePointRight(6).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("time range '" + text + "': " + side + " '" + seconds
                    + "' is not a number of seconds");
        }
    }

    boolean isAll() {
        return fromMicros == 0 && toMicros == Long.MAX_VALUE;
    }

    boolean before(long micros) {
        return micros < fromMicros;
    }

    boolean after(long micros) {
        return micros > toMicros;
    }
}
