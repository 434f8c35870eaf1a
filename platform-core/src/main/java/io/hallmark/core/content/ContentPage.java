package io.hallmark.core.content;

import java.util.List;

/**
 * One page of a list.
 *
 * @param page the page number, from 1
 * @param size the most items a page holds
 * @param total how many items match in all
 */
public record ContentPage<T>(List<T> items, int page, int size, long total) {

    public ContentPage {
        items = List.copyOf(items);
    }

    /** Page numbers from 1; size 1 to 200. */
    public static void check(int page, int size) {
        if (page < 1 || page > 1_000_000) {
            throw io.hallmark.api.InvalidRequestException.of("page", "Page " + page + " is out of range; pages count from 1");
        }
        if (size < 1 || size > 200) {
            throw io.hallmark.api.InvalidRequestException.of("size", "Page size " + size + " is out of range; use 1 to 200");
        }
    }
}
