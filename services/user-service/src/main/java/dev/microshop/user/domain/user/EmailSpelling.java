package dev.microshop.user.domain.user;

/**
 * How e-mail addresses are compared, so that one address has one spelling and look-alikes of it are recognised.
 * The rules come from Unicode (normalisation, confusable characters), whose tables the domain does not carry.
 */
public interface EmailSpelling {

    /** The one spelling of an address: surrounding spaces removed, Unicode NFKC with case folding. */
    String canonical(String raw);

    /**
     * What a canonical address looks like to a reader (its Unicode confusable skeleton): two addresses with the same
     * key can be mistaken for each other, e.g. {@code admin@} and {@code adm\u0131n@}.
     */
    String lookAlikeKey(String canonical);
}
