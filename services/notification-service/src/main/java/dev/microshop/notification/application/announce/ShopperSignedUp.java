package dev.microshop.notification.application.announce;

/** A shopper signed up under {@code name}. */
public record ShopperSignedUp(String userId, String name) {}
