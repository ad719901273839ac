package dev.sessionkit.conformance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock a test moves by hand, for the kit's timeout checks without sleeping: register a
 * subclass as the application's {@link Clock} bean (SessionKit then uses it) and move it from
 * {@link SessionConformanceKit#advanceClock}.
 */
public class AdjustableClock extends Clock {

    private final AtomicLong millis = new AtomicLong(System.currentTimeMillis());

    /** @param by how far to move time forward */
    public void advance(Duration by) {
        millis.addAndGet(by.toMillis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }
}
