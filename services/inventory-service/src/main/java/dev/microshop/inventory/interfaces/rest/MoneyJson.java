package dev.microshop.inventory.interfaces.rest;

import dev.microshop.inventory.domain.product.Money;

/** Money as clients see it: the amount as exact decimal text ({@code "12.50"}), never a binary floating number. */
record MoneyJson(String amount, String currency) {

    static MoneyJson of(Money money) {
        return new MoneyJson(money.amount().toPlainString(), money.currency());
    }
}
