-- An idempotency key replays only the request it was first sent with: each order placed with a key keeps the
-- SHA-256 of that request (RequestFingerprint: payment method and the quantity of each product, products sorted).
ALTER TABLE orders ADD COLUMN request_fingerprint CHAR(64);

-- Orders placed before: the same canonical form, computed from what they stored. Their items were already merged
-- per product, so this is what the shopper asked for, and a replay of the first request still finds its order.
UPDATE orders
SET request_fingerprint = encode(sha256(convert_to(orders.payment_method || '|' || requested.quantities, 'UTF8')), 'hex')
FROM (SELECT order_id,
             string_agg(product_id::text || '=' || quantity, ',' ORDER BY product_id::text COLLATE "C") AS quantities
      FROM (SELECT order_id, product_id, sum(quantity) AS quantity FROM order_items GROUP BY order_id, product_id) per_product
      GROUP BY order_id) requested
WHERE requested.order_id = orders.id
  AND orders.idempotency_key IS NOT NULL;

ALTER TABLE orders ADD CONSTRAINT orders_idempotency_key_with_fingerprint
    CHECK ((idempotency_key IS NULL) = (request_fingerprint IS NULL));
