package dev.microshop.paymentprovider.api;

import dev.microshop.paymentprovider.faults.FaultKnobs;
import dev.microshop.paymentprovider.faults.FaultSettings;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Turns the provider slow or flaky at runtime, and back. Unauthenticated: it listens on loopback only. */
@RestController
@RequestMapping("/admin/faults")
class FaultsController {

    private final FaultKnobs knobs;

    FaultsController(FaultKnobs knobs) {
        this.knobs = knobs;
    }

    @GetMapping
    FaultSettings current() {
        return knobs.current();
    }

    @PutMapping
    FaultSettings set(@Valid @RequestBody FaultSettings settings) {
        return knobs.set(settings);
    }

    @DeleteMapping
    FaultSettings reset() {
        return knobs.reset();
    }
}
