-- The catalog. SKUs are stored upper-case, so the unique constraint makes them unique regardless of case.
CREATE TABLE products (
    id             UUID          PRIMARY KEY,
    sku            VARCHAR(40)   NOT NULL CONSTRAINT products_sku_key UNIQUE,
    name           VARCHAR(200)  NOT NULL,
    description    VARCHAR(2000) NOT NULL,
    price_amount   NUMERIC(8, 2) NOT NULL CONSTRAINT products_price_positive CHECK (price_amount > 0),
    price_currency CHAR(3)       NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL DEFAULT now()
);

-- Pages of the catalog are sorted by name, then id.
CREATE INDEX products_name_id_idx ON products (name, id);

-- Each product's units by state. The database itself refuses a negative count and a set of counts that do not add
-- up, whatever the code does: received = available + reserved + sold, always.
CREATE TABLE stock_levels (
    product_id UUID    PRIMARY KEY REFERENCES products (id),
    received   INTEGER NOT NULL,
    available  INTEGER NOT NULL CONSTRAINT stock_levels_available_not_negative CHECK (available >= 0),
    reserved   INTEGER NOT NULL CONSTRAINT stock_levels_reserved_not_negative CHECK (reserved >= 0),
    sold       INTEGER NOT NULL CONSTRAINT stock_levels_sold_not_negative CHECK (sold >= 0),
    CONSTRAINT stock_levels_add_up CHECK (received = available + reserved + sold)
);
