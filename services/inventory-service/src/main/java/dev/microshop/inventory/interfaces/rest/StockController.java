package dev.microshop.inventory.interfaces.rest;

import dev.microshop.inventory.application.stock.CountStock;
import dev.microshop.inventory.application.stock.GetStockLevel;
import dev.microshop.inventory.application.stock.ListStockLevels;
import dev.microshop.inventory.application.stock.ReceiveStock;
import dev.microshop.inventory.domain.Page;
import dev.microshop.inventory.domain.PageRequest;
import dev.microshop.inventory.domain.product.ProductId;
import dev.microshop.platform.web.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administrators read and change stock: counts by state, stock counts, deliveries. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class StockController {

    /** {@code PUT /api/products/{id}/stock}: how many units are available after a stock count. */
    record StockCountRequest(
            @NotNull @PositiveOrZero @Max(1_000_000) Integer available) {}

    /** {@code POST /api/products/{id}/stock/deliveries}: how many new units arrived. */
    record DeliveryRequest(
            @NotNull @Positive @Max(1_000_000) Integer quantity) {}

    private final GetStockLevel getStockLevel;
    private final ListStockLevels listStockLevels;
    private final CountStock countStock;
    private final ReceiveStock receiveStock;

    StockController(
            GetStockLevel getStockLevel,
            ListStockLevels listStockLevels,
            CountStock countStock,
            ReceiveStock receiveStock) {
        this.getStockLevel = getStockLevel;
        this.listStockLevels = listStockLevels;
        this.countStock = countStock;
        this.receiveStock = receiveStock;
    }

    @GetMapping("/api/products/{id}/stock")
    StockLevelResponse get(@PathVariable String id) {
        return StockLevelResponse.of(getStockLevel.get(ProductId.parse(id)));
    }

    @GetMapping("/api/stock")
    PageResponse<StockLevelResponse> list(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        Page<StockLevelResponse> listed =
                listStockLevels.list(new PageRequest(page, size)).map(StockLevelResponse::of);
        return PageResponse.of(
                listed.content(), listed.request().number(), listed.request().size(), listed.totalElements());
    }

    @PutMapping("/api/products/{id}/stock")
    StockLevelResponse count(@PathVariable String id, @Valid @RequestBody StockCountRequest request) {
        return StockLevelResponse.of(countStock.setAvailable(ProductId.parse(id), request.available()));
    }

    @PostMapping("/api/products/{id}/stock/deliveries")
    StockLevelResponse receive(@PathVariable String id, @Valid @RequestBody DeliveryRequest request) {
        return StockLevelResponse.of(receiveStock.receive(ProductId.parse(id), request.quantity()));
    }
}
