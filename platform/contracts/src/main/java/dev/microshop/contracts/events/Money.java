package dev.microshop.contracts.events;

import java.math.BigDecimal;

/** An amount of money in events: a decimal amount (scale 2) and an ISO 4217 currency code. */
public record Money(BigDecimal amount, String currency) {}
