package dev.microshop.inventory.interfaces.rest;

import dev.microshop.inventory.domain.Page;
import java.util.List;
import java.util.function.Function;

/** A page of a list: {@code {"content":[...],"page":{"size","number","totalElements","totalPages"}}}. */
record PageResponse<T>(List<T> content, PageMetadata page) {

    record PageMetadata(int size, int number, long totalElements, long totalPages) {
    }

    static <D, T> PageResponse<T> of(Page<D> page, Function<D, T> mapping) {
        return new PageResponse<>(page.content().stream().map(mapping).toList(), new PageMetadata(
                page.request().size(), page.request().number(), page.totalElements(), page.totalPages()));
    }
}
