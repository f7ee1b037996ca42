package dev.microshop.platform.web;

import java.util.List;

/**
 * A page of a list as every microshop API answers it, in the shape of Spring Data's paged JSON:
 * {@code {"content":[...],"page":{"size","number","totalElements","totalPages"}}}. A controller builds it from
 * its own domain's page, so the business code stays free of it.
 */
public record PageResponse<T>(List<T> content, PageMetadata page) {

    public record PageMetadata(int size, int number, long totalElements, long totalPages) {}

    public PageResponse {
        content = List.copyOf(content);
    }

    /** Page {@code number} (from 0) of {@code size} entries of a list {@code totalElements} long. */
    public static <T> PageResponse<T> of(List<T> content, int number, int size, long totalElements) {
        if (size < 1) {
            throw new IllegalArgumentException("page size must be 1 or more");
        }
        return new PageResponse<>(
                content, new PageMetadata(size, number, totalElements, (totalElements + size - 1) / size));
    }
}
