package io.prod2test.analyse;

import java.util.List;
import java.util.Objects;

/**
 * An edge of the directly-follows graph: users went from one route straight to the next.
 *
 * @param from        the route before, or {@code null} for the start of a session
 * @param to          the route after
 * @param count       how many times
 * @param sessions    in how many sessions
 * @param downstream  the calls between services that answering {@code to} after {@code from} caused
 */
public record Transition(Route from, Route to, long count, long sessions, List<DownstreamCall> downstream) {
    public Transition {
        Objects.requireNonNull(to, "a transition goes to a route");
        if (count < 1 || sessions < 1 || sessions > count) {
            throw new IllegalArgumentException("a transition happens 1 or more times in 1 or more sessions, had " + count + " in " + sessions);
        }
        downstream = List.copyOf(downstream);
    }

    /**
     * A call one service made to another.
     *
     * @param service the service called, or {@code null} when unknown
     * @param method  the HTTP method
     * @param target  the route template called, or the URL path
     * @param calls   how many
     */
    public record DownstreamCall(String service, String method, String target, long calls) {
        public DownstreamCall {
            Objects.requireNonNull(method, "a downstream call has a method");
            Objects.requireNonNull(target, "a downstream call has a target");
            if (calls < 1) {
                throw new IllegalArgumentException("a downstream call happens 1 or more times, had " + calls);
            }
        }
    }
}
