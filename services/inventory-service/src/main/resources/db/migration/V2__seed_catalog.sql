-- The starting catalog: 24 products priced in EUR, 100 units of each received and available.
-- Fixed ids, so documentation and scripts can name a product.
INSERT INTO products (id, sku, name, description, price_amount, price_currency) VALUES
    ('184e05e0-3968-58b6-ada0-56c8cd072386', 'COF-ESP-1KG', 'Espresso beans, 1 kg', 'Dark-roasted arabica and robusta blend with notes of cocoa and hazelnut.', 18.90, 'EUR'),
    ('1bc3997b-0414-5dc1-b7f7-b4996a9c2a16', 'COF-FIL-500', 'Filter coffee, 500 g', 'Light-roasted Ethiopian single origin, ground for pour-over and drip.', 11.50, 'EUR'),
    ('68e26aed-6862-500d-88d4-146777db2b09', 'TEA-GRN-100', 'Green tea, 100 g', 'Loose-leaf sencha from Shizuoka, steamed and rolled.', 8.40, 'EUR'),
    ('622988ab-d52c-573c-bf5d-85819568fd8b', 'MUG-CER-350', 'Ceramic mug, 350 ml', 'Stoneware mug with a matte glaze; dishwasher and microwave safe.', 12.50, 'EUR'),
    ('14fe2ea2-c0e0-5eaf-9ef1-b0077726a9e2', 'KET-GOO-1L', 'Gooseneck kettle, 1 l', 'Stainless steel kettle with a thermometer in the lid for precise pouring.', 39.00, 'EUR'),
    ('4fe959fe-e760-5243-8b77-b7d034f19b8c', 'GRD-BUR-MAN', 'Manual burr grinder', 'Conical ceramic burrs with 18 grind settings, from espresso to French press.', 44.90, 'EUR'),
    ('4a1f82dc-353a-545c-95f0-b2182ef9f4d7', 'DRP-V60-02', 'Pour-over dripper, size 02', 'Porcelain cone dripper for one to four cups.', 22.00, 'EUR'),
    ('43db599c-e9b7-5f3e-9e46-1b8ffbff4f0c', 'FLT-PAP-100', 'Paper filters, 100 pieces', 'Unbleached paper filters that fit size 02 drippers.', 5.90, 'EUR'),
    ('f1f305bd-64cc-577a-94b6-54415944b79e', 'PRS-FRN-800', 'French press, 800 ml', 'Borosilicate glass carafe in a steel frame with a four-layer mesh filter.', 29.50, 'EUR'),
    ('5dc4ae8b-80e9-55c2-8f43-0b373ac71408', 'SCL-DIG-2KG', 'Digital coffee scale', 'Weighs to 0.1 g up to 2 kg, with a built-in timer.', 27.90, 'EUR'),
    ('2bee7bf9-f16c-5d6d-952b-9a9e3120514d', 'MLK-FRT-ELC', 'Electric milk frother', 'Heats and froths up to 250 ml of milk for cappuccino or latte.', 49.00, 'EUR'),
    ('f5e1d78f-48eb-510e-9093-27640e473b3a', 'CUP-ESP-SET4', 'Espresso cups, set of 4', 'Double-walled glass cups, 80 ml each.', 19.90, 'EUR'),
    ('025428a8-c089-564d-9c3f-67d43dd1de98', 'TMB-INS-500', 'Insulated tumbler, 500 ml', 'Vacuum-insulated steel keeps drinks hot for 6 hours and cold for 12.', 24.90, 'EUR'),
    ('08416d7f-edc6-5954-9b1e-2bf26d158a74', 'CHO-DRK-100', 'Dark chocolate, 100 g', '70 % cocoa from Ecuador, made in small batches.', 4.20, 'EUR'),
    ('90e33fc1-281d-5251-991e-892ea20add45', 'BSC-ALM-200', 'Almond biscotti, 200 g', 'Twice-baked Tuscan biscuits with whole almonds.', 6.50, 'EUR'),
    ('b0f6e453-6aa4-5272-8254-912b99e9ac16', 'SYR-VAN-250', 'Vanilla syrup, 250 ml', 'Made with Madagascar vanilla pods and cane sugar.', 7.90, 'EUR'),
    ('4e8a0329-441d-5717-9d1c-d279fc9bf815', 'CLN-DSC-10', 'Descaling tablets, 10 pieces', 'Citric-acid tablets for kettles and espresso machines.', 9.90, 'EUR'),
    ('9aaea5a8-261f-5761-a730-c144e9991b90', 'TWL-BAR-3', 'Barista towels, set of 3', 'Microfibre cloths for steam wands and spills.', 10.50, 'EUR'),
    ('148bbab9-93df-5b66-8175-ba506364700f', 'TMP-ESP-58', 'Espresso tamper, 58 mm', 'Stainless steel base with a walnut handle.', 32.00, 'EUR'),
    ('641ef5e0-c9b2-5f19-b3ad-5ed09e06fc5b', 'PCH-STL-600', 'Milk pitcher, 600 ml', 'Stainless steel pitcher with a sharp spout for latte art.', 16.90, 'EUR'),
    ('913afc09-2b42-5e9e-b33c-462495eeb7c1', 'BOX-GFT-CLS', 'Coffee gift box', 'Three 250 g bags of seasonal coffees in a gift box.', 34.90, 'EUR'),
    ('15ef5fd4-253f-5c3b-a55b-1cba823d63fa', 'CAN-AIR-1KG', 'Airtight coffee canister', 'Stainless steel canister with a one-way valve that keeps beans fresh.', 21.50, 'EUR'),
    ('1c3b43e8-9dcc-5f39-a64f-ae272e520149', 'BOK-BRW-GDE', 'The Brewing Guide (book)', 'Recipes and techniques for twelve ways of making coffee at home.', 26.00, 'EUR'),
    ('8bb16121-14e3-5d49-ba17-1f1656881040', 'GFT-CRD-25', 'Gift card, 25 EUR', 'A card worth 25 EUR in the shop, delivered by email.', 25.00, 'EUR');

INSERT INTO stock_levels (product_id, received, available, reserved, sold)
SELECT id, 100, 100, 0, 0 FROM products;
