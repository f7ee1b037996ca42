package dev.microshop.inventory.interfaces.rest;

import static dev.microshop.platform.web.Problems.problem;

import dev.microshop.inventory.domain.product.DuplicateSkuException;
import dev.microshop.inventory.domain.product.InvalidProductException;
import dev.microshop.inventory.domain.product.InvalidProductIdException;
import dev.microshop.inventory.domain.product.ProductNotFoundException;
import dev.microshop.inventory.domain.stock.InvalidStockChangeException;
import dev.microshop.platform.web.ProblemDetailsAdvice.InvalidField;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The answers (RFC 9457) to this service's business errors; runs before the platform's catch-all. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class InventoryProblems {

    @ExceptionHandler
    ProblemDetail invalidProduct(InvalidProductException invalid) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Bad Request", invalid.getMessage());
        problem.setProperty("errors", List.of(new InvalidField(invalid.field(), invalid.problem())));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidProductId(InvalidProductIdException invalid) {
        return problem(HttpStatus.BAD_REQUEST, "Bad Request", invalid.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidStockChange(InvalidStockChangeException invalid) {
        return problem(HttpStatus.BAD_REQUEST, "Bad Request", invalid.getMessage());
    }

    @ExceptionHandler
    ProblemDetail duplicateSku(DuplicateSkuException duplicate) {
        return problem(HttpStatus.CONFLICT, "SKU already in the catalog", duplicate.getMessage());
    }

    @ExceptionHandler
    ProblemDetail productNotFound(ProductNotFoundException notFound) {
        return problem(HttpStatus.NOT_FOUND, "Product not found", notFound.getMessage());
    }
}
