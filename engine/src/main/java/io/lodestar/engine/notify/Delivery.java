package io.lodestar.engine.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * One notice delivered (or not) to one channel of one contact: what the API and the console show
 * as the recent deliveries.
 *
 * @param time    when the delivery ended
 * @param address the e-mail address, webhook URL or phone number
 * @param kind    the notice's kind ({@link Notice#wireKind()})
 */
public record Delivery(Instant time, String contact, ChannelKind channel, String address, String kind, String title,
                       Outcome outcome) {

    public Delivery {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(outcome, "outcome");
    }
}
