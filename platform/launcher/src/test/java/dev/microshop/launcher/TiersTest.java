package dev.microshop.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TiersTest {

    @TempDir
    Path directory;

    @Test
    void a_spring_app_waits_for_a_place_among_the_starting_ones_and_other_processes_do_not() throws Exception {
        List<Instance> instances = ProcessTable.load(null).instances(new Home(directory), Map.of(), Map.of());
        Tiers tiers = new Tiers(instances, 1);
        Tiers.StartPermit userService = tiers.startPermit(instance(instances, "user-service"));

        CompletableFuture<Tiers.StartPermit> inventoryService = CompletableFuture.supplyAsync(() -> {
            try {
                return tiers.startPermit(instance(instances, "inventory-service"));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        tiers.startPermit(instance(instances, "postgres")).close();

        assertThat(inventoryService).as("waits while user-service starts").isNotCompleted();
        Thread.sleep(200);
        assertThat(inventoryService).isNotCompleted();
        userService.close();
        userService.close();
        inventoryService.get(5, TimeUnit.SECONDS).close();
        tiers.startPermit(instance(instances, "order-service")).close();
    }

    private static Instance instance(List<Instance> instances, String name) {
        return instances.stream()
                .filter(instance -> instance.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
