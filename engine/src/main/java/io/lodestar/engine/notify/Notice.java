package io.lodestar.engine.notify;

import java.time.Instant;
import java.util.Map;

/**
 * What a channel delivers: an {@link Alert}, a {@link Summary} of alerts the rate limit held back,
 * or a {@link TestNotice} from "send test". Each says itself in words (mail subject and body) and
 * as the fields of a webhook's JSON body.
 */
public sealed interface Notice permits Alert, Summary, TestNotice {

    /** The webhook's {@code kind}: an event kind's wire name, {@code summary} or {@code test}. */
    String wireKind();

    /** One line: the mail's subject. */
    String title();

    /** The whole message in words: the mail's plain-text body. */
    String text();

    Instant time();

    /** The webhook's JSON object, in order; values are strings, numbers or lists of such objects. */
    Map<String, Object> fields();
}
