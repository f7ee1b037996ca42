package dev.microshop.order.application.order;

import dev.microshop.order.application.port.ProductCatalog;
import dev.microshop.order.application.port.UnknownProductException;
import dev.microshop.order.application.port.UserDirectory;
import dev.microshop.order.domain.order.DuplicateOrderRequestException;
import dev.microshop.order.domain.order.IdempotencyKey;
import dev.microshop.order.domain.order.IdempotencyKeyReusedException;
import dev.microshop.order.domain.order.InvalidOrderException;
import dev.microshop.order.domain.order.Money;
import dev.microshop.order.domain.order.Order;
import dev.microshop.order.domain.order.OrderId;
import dev.microshop.order.domain.order.OrderLine;
import dev.microshop.order.domain.order.OrderRepository;
import dev.microshop.order.domain.order.PaymentMethod;
import dev.microshop.order.domain.order.ProductId;
import dev.microshop.order.domain.order.RequestFingerprint;
import dev.microshop.order.domain.order.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Places an order and so starts the place-order saga: checks the shopper and today's prices with the services
 * that own them (no database transaction is held meanwhile), then stores the order PENDING with its
 * {@code order.created} event. While the saga is behind, a new order is refused ({@link OrderAdmission}) before
 * any of that, so nothing of it is stored and the same request may be sent again later. A replayed idempotency key
 * returns the order placed the first time, also while new orders are refused (a replay gives the saga no work), and
 * also when the two requests race (the database's unique key decides), as long as the request is the same
 * ({@link RequestFingerprint}); the same key with a different request is refused, never silently answered
 * with the first order.
 */
@Service
public class PlaceOrder {

    private final OrderRepository orders;
    private final UserDirectory users;
    private final ProductCatalog catalog;
    private final OrderChanges changes;
    private final OrderAdmission admission;
    private final Clock clock;

    public PlaceOrder(
            OrderRepository orders,
            UserDirectory users,
            ProductCatalog catalog,
            OrderChanges changes,
            OrderAdmission admission,
            Clock clock) {
        this.orders = orders;
        this.users = users;
        this.catalog = catalog;
        this.changes = changes;
        this.admission = admission;
        this.clock = clock;
    }

    public PlacedOrder place(PlaceOrderCommand command) {
        UserId userId = UserId.parse(command.userId());
        IdempotencyKey key = command.idempotencyKey() == null ? null : new IdempotencyKey(command.idempotencyKey());
        PaymentMethod paymentMethod = new PaymentMethod(command.paymentMethod());
        if (command.items().isEmpty()) {
            throw new InvalidOrderException("An order needs at least one item");
        }
        if (command.items().size() > Order.MAX_LINES) {
            throw new InvalidOrderException("An order has at most " + Order.MAX_LINES + " different products");
        }
        List<ProductId> products = command.items().stream()
                .map(item -> ProductId.parse(item.productId()))
                .toList();
        RequestFingerprint asked =
                key == null ? null : RequestFingerprint.of(quantities(products, command), paymentMethod);
        if (key != null) {
            var earlier = orders.findByIdempotencyKey(userId, key);
            if (earlier.isPresent()) {
                return replay(earlier.get(), key, asked);
            }
        }
        admission.admit();
        if (!users.isRegistered(userId)) {
            throw new UnknownUserException(userId);
        }
        Map<ProductId, Money> prices = catalog.pricesOf(new LinkedHashSet<>(products));
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            Money price = prices.get(products.get(i));
            if (price == null) {
                throw new UnknownProductException("No product with id " + products.get(i));
            }
            lines.add(new OrderLine(products.get(i), command.items().get(i).quantity(), price));
        }
        Order order = Order.place(OrderId.newId(), userId, lines, paymentMethod, key, clock.instant());
        try {
            changes.added(order);
            return new PlacedOrder(order, false);
        } catch (DuplicateOrderRequestException concurrentReplay) {
            Order first = orders.findByIdempotencyKey(userId, key).orElseThrow(() -> concurrentReplay);
            return replay(first, key, asked);
        }
    }

    /** The order placed first with this key, if it was placed for the same request; a different one is refused. */
    private static PlacedOrder replay(Order first, IdempotencyKey key, RequestFingerprint asked) {
        if (!first.wasRequestedAs(asked)) {
            throw new IdempotencyKeyReusedException(key);
        }
        return new PlacedOrder(first, true);
    }

    /** How many of each product the request asks for, lines of one product added up. */
    private static Map<ProductId, Integer> quantities(List<ProductId> products, PlaceOrderCommand command) {
        Map<ProductId, Integer> quantities = new HashMap<>();
        for (int i = 0; i < products.size(); i++) {
            quantities.merge(products.get(i), command.items().get(i).quantity(), Integer::sum);
        }
        return quantities;
    }
}
