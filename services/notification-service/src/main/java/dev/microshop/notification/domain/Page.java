package dev.microshop.notification.domain;

import java.util.List;
import java.util.function.Function;

/** One slice of a long list, and how long the whole list is. */
public record Page<T>(List<T> content, PageRequest request, long totalElements) {

    public Page {
        content = List.copyOf(content);
    }

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(content.stream().map(mapping).toList(), request, totalElements);
    }
}
