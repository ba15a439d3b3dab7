package org.protectioncases.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeysetPagesTest {

    @Test
    void theNextPageContinuesAfterTheLastRowFetched() {
        KeysetPages<Long> pages = new KeysetPages<>(Long::longValue);
        assertThat(pages.after(0)).as("the first page has nothing before it").isNull();
        pages.fetched(0, List.of(100L, 99L, 98L));
        assertThat(pages.after(3)).isEqualTo(98L);
        pages.fetched(3, List.of(97L, 95L));
        assertThat(pages.after(5)).isEqualTo(95L);
    }

    @Test
    void anOffsetNeverReachedFallsBackToOffsetPaging() {
        KeysetPages<Long> pages = new KeysetPages<>(Long::longValue);
        pages.fetched(0, List.of(100L, 99L));
        assertThat(pages.after(50_000)).isNull();
        assertThat(pages.after(1)).as("not a page boundary this grid fetched").isNull();
    }

    @Test
    void anEmptyPageAndForgettingLeaveNoKey() {
        KeysetPages<Long> pages = new KeysetPages<>(Long::longValue);
        pages.fetched(0, List.of());
        assertThat(pages.after(0)).isNull();
        pages.fetched(0, List.of(7L));
        pages.forget();
        assertThat(pages.after(1)).isNull();
    }
}
