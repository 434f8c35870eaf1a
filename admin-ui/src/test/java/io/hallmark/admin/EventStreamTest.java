package io.hallmark.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventStreamTest {

    @Test
    void anAcceptThatAdmitsAnEventStreamGetsOne() {
        assertThat(EventStream.accepts(null)).isTrue();
        assertThat(EventStream.accepts("*/*")).isTrue(); // curl
        assertThat(EventStream.accepts("text/event-stream")).isTrue();
        assertThat(EventStream.accepts("application/json, text/*;q=0.5")).isTrue();
        assertThat(EventStream.accepts("text/html,application/xhtml+xml,*/*;q=0.8")).isTrue(); // a browser
    }

    @Test
    void anAcceptThatExcludesItDoesNot() {
        assertThat(EventStream.accepts("application/json")).isFalse();
        assertThat(EventStream.accepts("text/event-stream;q=0, application/json")).isFalse();
        assertThat(EventStream.accepts("*/*;q=0.0")).isFalse();
    }
}
