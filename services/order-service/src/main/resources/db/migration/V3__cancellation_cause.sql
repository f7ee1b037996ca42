-- Why an order was cancelled, as a category (CancellationCause); orders cancelled before this column have none.
ALTER TABLE orders ADD COLUMN cancellation_cause VARCHAR(30);
