package dev.microshop.user.infrastructure.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IcuEmailSpellingTest {

    private final IcuEmailSpelling spelling = new IcuEmailSpelling();

    @Test
    void case_width_compatibility_forms_and_surrounding_spaces_make_no_other_address() {
        assertThat(spelling.canonical("  Ada@Example.COM ")).isEqualTo("ada@example.com");
        assertThat(spelling.canonical("admin@micro\u017fhop.local")).isEqualTo("admin@microshop.local");
        assertThat(spelling.canonical("\uff41\uff44\uff41@example.com")).isEqualTo("ada@example.com");
        assertThat(spelling.canonical("STRASSE@example.com")).isEqualTo(spelling.canonical("stra\u00dfe@example.com"));
    }

    @Test
    void canonical_spelling_is_stable() {
        String once = spelling.canonical("ADM\u0130N@Micro\u017fhop.local");
        assertThat(spelling.canonical(once)).isEqualTo(once);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "adm\u0131n@microshop.local", // dotless i
                "\u0430dmin@microshop.local", // Cyrillic a
                "admin@rnicroshop.local" // rn for m
            })
    void look_alikes_share_the_look_alike_key_of_the_address_they_imitate(String lookAlike) {
        assertThat(spelling.lookAlikeKey(spelling.canonical(lookAlike)))
                .isEqualTo(spelling.lookAlikeKey(spelling.canonical("admin@microshop.local")));
    }

    @Test
    void different_addresses_have_different_keys() {
        assertThat(spelling.lookAlikeKey("ada@example.com")).isNotEqualTo(spelling.lookAlikeKey("bob@example.com"));
    }
}
