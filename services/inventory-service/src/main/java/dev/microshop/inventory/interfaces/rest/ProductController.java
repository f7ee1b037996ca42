package dev.microshop.inventory.interfaces.rest;

import dev.microshop.inventory.application.product.AddProduct;
import dev.microshop.inventory.application.product.GetProduct;
import dev.microshop.inventory.application.product.ListProducts;
import dev.microshop.inventory.application.product.ProductListing;
import dev.microshop.inventory.application.product.UpdateProduct;
import dev.microshop.inventory.domain.Page;
import dev.microshop.inventory.domain.PageRequest;
import dev.microshop.inventory.domain.product.CatalogSearch;
import dev.microshop.inventory.domain.product.ProductId;
import dev.microshop.platform.web.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Browsing the catalog (public), adding to it and changing its products (administrators). */
@RestController
@RequestMapping("/api/products")
class ProductController {

    private final ListProducts listProducts;
    private final GetProduct getProduct;
    private final AddProduct addProduct;
    private final UpdateProduct updateProduct;

    ProductController(
            ListProducts listProducts, GetProduct getProduct, AddProduct addProduct, UpdateProduct updateProduct) {
        this.listProducts = listProducts;
        this.getProduct = getProduct;
        this.addProduct = addProduct;
        this.updateProduct = updateProduct;
    }

    /** The catalog, or with {@code q} the products whose name, description or SKU hold every word of it. */
    @GetMapping
    PageResponse<ProductResponse> list(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        Page<ProductResponse> listed = listProducts
                .list(new CatalogSearch(q), new PageRequest(page, size))
                .map(ProductResponse::of);
        return PageResponse.of(
                listed.content(), listed.request().number(), listed.request().size(), listed.totalElements());
    }

    @GetMapping("/{id}")
    ProductResponse get(@PathVariable String id) {
        return ProductResponse.of(getProduct.get(ProductId.parse(id)));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ProductResponse update(@PathVariable String id, @Valid @RequestBody UpdateProductRequest request) {
        return ProductResponse.of(updateProduct.update(
                ProductId.parse(id),
                request.name(),
                request.description(),
                request.price().amount(),
                request.price().currency()));
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<ProductResponse> add(@Valid @RequestBody AddProductRequest request) {
        ProductListing added = addProduct.add(request.toCommand());
        return ResponseEntity.created(
                        URI.create("/api/products/" + added.product().id()))
                .body(ProductResponse.of(added));
    }
}
